/**
 * Gives kafkajs 2.2.x's Produce requests (v3–v7, which all build on `protocol/requests/produce/v3/request.js`)
 * our one-pass body encoder (produce-request-encoder.ts, same bytes): the request object kafkajs builds
 * is kept (api key and version, response handling), only its `encode` is ours, falling back to
 * kafkajs's for what ours does not take (compressed batches, unusual messages).
 *
 * kafkajs's v4–v7 request modules take the v3 module's export when kafkajs first loads them, lazily at
 * the first produce request; so `installFastProduceRequest` must run before any producer sends, as
 * `applyKafkajsPatches` does before creating a client (it returns false when it came too late). In a
 * Lambda bundle kafkajs is inlined and has no require cache: the bundler resolves kafkajs's v3 request
 * module to produce-request-kafkajs-shim.cjs instead (infra/esbuild-plugins.ts), which wraps the
 * original with `withFastEncode`. `useKafkajsEncoding('stock')` (kafkajs-patches.ts) switches back to
 * kafkajs's own encoder, so that benchmarks can compare with the raw client as shipped.
 */
import { asKafkajsEncoder } from './kafkajs-encoder';
import { swapKafkajsModule } from './kafkajs-swap';
import { encodeProduceRequest, type ProduceRequestArgs } from './produce-request-encoder';

interface KafkajsRequest {
  encode(): Promise<unknown>;
}
export type ProduceRequestFactory = (args: ProduceRequestArgs) => KafkajsRequest;
export const PRODUCE_REQUEST_SWAP = Symbol.for('lambda-connect.kafkajs.produce-request.installed');

const COUNTS = Symbol.for('lambda-connect.kafkajs.produce-request');
/** Requests encoded by ours and left to kafkajs's (tests check the real producer's path), process-wide. */
interface Counts {
  onePass: number;
  kafkajs: number;
}
type Holder = { [COUNTS]?: Counts };
const counts: Counts = ((globalThis as Holder)[COUNTS] ??= { onePass: 0, kafkajs: 0 });

/** kafkajs's request factory with our encoder in front of its own. */
export function withFastEncode(original: ProduceRequestFactory): ProduceRequestFactory {
  const wrapped: ProduceRequestFactory = (args) => {
    const request = original(args);
    const kafkajsEncode = request.encode;
    return Object.assign(request, {
      encode: async () => {
        const bytes = encodeProduceRequest(args);
        if (bytes === undefined) {
          counts.kafkajs++;
          return kafkajsEncode();
        }
        counts.onePass++;
        return asKafkajsEncoder(bytes);
      },
    });
  };
  return wrapped;
}

/** True when kafkajs's Produce requests use our encoder (from now on, or already); false in a bundle or too late. */
export function installFastProduceRequest(): boolean {
  return swapKafkajsModule<ProduceRequestFactory>({
    key: PRODUCE_REQUEST_SWAP,
    module: 'src/protocol/requests/produce/v3/request.js',
    // v4 (from which v5–v7 build) takes v3's export when it loads; produce/index requires v3 at each call.
    loadedBy: 'src/protocol/requests/produce/v4/request.js',
    ours: withFastEncode,
  });
}

/** How many Produce requests went through our encoder and how many it left to kafkajs's, so far. */
export function produceRequestEncodings(): { readonly onePass: number; readonly kafkajs: number } {
  return { ...counts };
}
