/**
 * kafkajs frames every request (`protocol/request.js`) by copying the encoded body into a fresh
 * zero-filled Encoder that grows by doubling, then all of it into another behind the size prefix:
 * for a 2 MB Produce request, two 4 MB zero-filled allocations and two 2 MB copies (a tenth of a
 * source window's CPU). `frameRequest` writes the same bytes (size, api key, api version, correlation
 * id, client id, body) into one Buffer of the exact size, with one copy of the body.
 *
 * kafkajs's `network/connection` takes the function when it loads, at kafkajs's first load: the swap
 * is installed by kafkajs-preload.ts, before anything loads kafkajs (see kafkajs.ts); in a bundle the
 * bundler resolves the module to request-framing-kafkajs-shim.cjs (infra/esbuild-plugins.ts).
 */
import { asKafkajsEncoder, type KafkajsEncoder } from './kafkajs-encoder';
import { isSwapped, kafkajsOriginal, swapKafkajsModule } from './kafkajs-swap';

export interface FramedRequest {
  readonly correlationId: number;
  readonly clientId?: string | null;
  readonly request: { readonly apiKey: number; readonly apiVersion: number; encode(): Promise<unknown> | unknown };
}
export type RequestFraming = (args: FramedRequest) => Promise<KafkajsEncoder>;

export const frameRequest: RequestFraming = async ({ correlationId, clientId, request: { apiKey, apiVersion, encode } }) => {
  const payload = (await encode()) as { buf?: unknown; buffer?: Buffer } | null | undefined;
  if (payload === null || payload === undefined || !Buffer.isBuffer(payload.buf)) throw new Error('value should be an instance of Encoder');
  const body = payload.buffer as Buffer;
  const client = clientId === null || clientId === undefined ? null : clientId;
  const clientLength = client === null ? 0 : Buffer.byteLength(client, 'utf8');
  const size = 2 + 2 + 4 + 2 + clientLength + body.length;
  const framed = Buffer.allocUnsafe(4 + size);
  let at = framed.writeInt32BE(size, 0);
  at = framed.writeInt16BE(apiKey, at);
  at = framed.writeInt16BE(apiVersion, at);
  at = framed.writeInt32BE(correlationId, at);
  at = framed.writeInt16BE(client === null ? -1 : clientLength, at);
  if (client !== null) at += framed.write(client, at, 'utf8');
  framed.set(body, at);
  return asKafkajsEncoder(framed);
};

const FRAMING_MODULE = 'src/protocol/request.js';
export const FRAMING_SWAP = Symbol.for('lambda-connect.kafkajs.request-framing.installed');

/** True when kafkajs's connections frame requests with ours (from now on, or already); false in a bundle or too late. */
export function installRequestFraming(): boolean {
  return swapKafkajsModule<RequestFraming>({ key: FRAMING_SWAP, module: FRAMING_MODULE, loadedBy: 'src/network/connection.js', ours: () => frameRequest });
}

/** True when kafkajs's connections in this process frame requests with ours. */
export function requestFramingInstalled(): boolean {
  return isSwapped(FRAMING_SWAP);
}

/** kafkajs's own function, for tests. */
export function kafkajsFrameRequest(): RequestFraming {
  return kafkajsOriginal<RequestFraming>(FRAMING_SWAP, FRAMING_MODULE);
}
