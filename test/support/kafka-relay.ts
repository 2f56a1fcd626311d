/**
 * A front for the embedded mock cluster, which speaks plaintext only and has no SASL: one listener per
 * broker relaying to it, with TLS (`tls`: options for `tls.createServer`, e.g. `requestCert` for mTLS)
 * and/or a SASL server of our own (`sasl`). Metadata responses are rewritten so that clients are sent
 * to the listeners (ports only: the host stays 127.0.0.1, so the rewrite is in place). With `sasl`,
 * ApiVersions answers also list SaslHandshake/SaslAuthenticate v0–v1, the relay answers those itself,
 * and it closes a connection that sends anything else before authenticating, as a broker does.
 */
import { connect, createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type TlsOptions, type TLSSocket } from 'node:tls';

/** One SASL exchange per connection: each step gets the client's bytes and answers, or throws to refuse. */
export interface SaslServer {
  /** As the client names it in SaslHandshake, e.g. `SCRAM-SHA-512`, `OAUTHBEARER`. */
  mechanism: string;
  start(): (clientBytes: Buffer) => { reply: Buffer; principal?: string };
}

export interface KafkaRelayOptions {
  tls?: TlsOptions;
  sasl?: SaslServer;
}

export interface KafkaRelay {
  /** The relay's bootstrap servers, in the order of the plaintext ones. */
  readonly brokers: string[];
  /** CNs of the client certificates the listeners saw, in order. */
  readonly clientCertificates: string[];
  /** Principals the SASL server authenticated, in order. */
  readonly principals: string[];
  /** Why SASL authentications were refused, in order. */
  readonly refusals: string[];
  close(): Promise<void>;
}

const METADATA = 3;
const SASL_HANDSHAKE = 17;
const API_VERSIONS = 18;
const SASL_AUTHENTICATE = 36;
const UNSUPPORTED_SASL_MECHANISM = 33;
const SASL_AUTHENTICATION_FAILED = 58;

export async function startKafkaRelay(plaintextBrokers: readonly string[], options: KafkaRelayOptions): Promise<KafkaRelay> {
  const servers: TcpServer[] = [];
  const sockets = new Set<Socket>();
  const relay = { clientCertificates: [] as string[], principals: [] as string[], refusals: [] as string[] };
  const portMap = new Map<number, number>();
  for (const broker of plaintextBrokers) {
    const [host = '127.0.0.1', port = '0'] = broker.split(':');
    const onClient = (client: Socket) => {
      const upstream = connect(Number(port), host);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => {
          sockets.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      relayConnection(client, upstream, options.sasl, portMap, relay);
    };
    const server = options.tls
      ? createTlsServer(options.tls, (client: TLSSocket) => {
          const cn = client.getPeerCertificate().subject?.CN;
          if (cn !== undefined) relay.clientCertificates.push(String(cn));
          onClient(client);
        }).on('tlsClientError', () => undefined)
      : createTcpServer(onClient);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    portMap.set(Number(port), (server.address() as { port: number }).port);
    servers.push(server);
  }
  return {
    ...relay,
    brokers: plaintextBrokers.map((b) => `127.0.0.1:${portMap.get(Number(b.split(':')[1])) ?? 0}`),
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}

function relayConnection(client: Socket, upstream: Socket, sasl: SaslServer | undefined, portMap: ReadonlyMap<number, number>, relay: { principals: string[]; refusals: string[] }): void {
  const requests = new Map<number, { apiKey: number; version: number }>();
  let authenticated = sasl === undefined;
  let mechanismAccepted = false;
  let step: ReturnType<SaslServer['start']> | undefined;
  client.on('data', frames((frame) => {
    // Request header v1: apiKey int16, apiVersion int16, correlationId int32, clientId string.
    const apiKey = frame.readInt16BE(4);
    const version = frame.readInt16BE(6);
    const correlationId = frame.readInt32BE(8);
    const body = frame.subarray(14 + Math.max(frame.readInt16BE(12), 0));
    if (sasl && apiKey === SASL_HANDSHAKE) {
      mechanismAccepted = readString(body, 0) === sasl.mechanism;
      client.write(response(correlationId, int16(mechanismAccepted ? 0 : UNSUPPORTED_SASL_MECHANISM), int32(1), string(sasl.mechanism)));
      return;
    }
    if (sasl && apiKey === SASL_AUTHENTICATE && mechanismAccepted) {
      step ??= sasl.start();
      const lifetime = version >= 1 ? [int64(0)] : [];
      try {
        const { reply, principal } = step(body.subarray(4, 4 + body.readInt32BE(0)));
        if (principal !== undefined) {
          authenticated = true;
          relay.principals.push(principal);
        }
        client.write(response(correlationId, int16(0), int16(-1), int32(reply.length), reply, ...lifetime));
      } catch (error) {
        const message = (error as Error).message;
        relay.refusals.push(message);
        client.write(response(correlationId, int16(SASL_AUTHENTICATION_FAILED), string(message), int32(0), ...lifetime));
      }
      return;
    }
    if (!authenticated && apiKey !== API_VERSIONS) {
      client.destroy();
      return;
    }
    requests.set(correlationId, { apiKey, version });
    upstream.write(frame);
  }));
  upstream.on('data', frames((frame) => {
    const correlationId = frame.readInt32BE(4);
    const request = requests.get(correlationId);
    requests.delete(correlationId);
    if (request?.apiKey === METADATA) rewriteBrokerPorts(frame, request.version, portMap);
    client.write(sasl && request?.apiKey === API_VERSIONS ? withSaslApis(frame, request.version) : frame);
  }));
}

/** Splits a byte stream into whole size-prefixed Kafka frames (prefix included). */
function frames(onFrame: (frame: Buffer) => void): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  return (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
      const size = 4 + pending.readInt32BE(0);
      onFrame(pending.subarray(0, size));
      pending = pending.subarray(size);
    }
  };
}

/** Metadata v0–v8 (non-flexible): [throttle_time_ms v3+] brokers: [node_id, host, port, rack v1+]. */
function rewriteBrokerPorts(frame: Buffer, version: number, portMap: ReadonlyMap<number, number>): void {
  if (version > 8) throw new Error(`Metadata v${version} is flexible; the relay only rewrites v0-v8`);
  let at = 8 + (version >= 3 ? 4 : 0);
  const count = frame.readInt32BE(at);
  at += 4;
  for (let i = 0; i < count; i++) {
    at += 4;
    at += 2 + frame.readInt16BE(at);
    const mapped = portMap.get(frame.readInt32BE(at));
    if (mapped !== undefined) frame.writeInt32BE(mapped, at);
    at += 4;
    if (version >= 1) at += 2 + Math.max(frame.readInt16BE(at), 0);
  }
}

/** ApiVersions v0–v2: error_code, [api_key, min, max], [throttle_time_ms v1+], with the SASL APIs put in. */
function withSaslApis(frame: Buffer, version: number): Buffer {
  if (version > 2) throw new Error(`ApiVersions v${version} is flexible; the relay only rewrites v0-v2`);
  const count = frame.readInt32BE(10);
  const entries: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const entry = frame.subarray(14 + i * 6, 20 + i * 6);
    const key = entry.readInt16BE(0);
    if (key !== SASL_HANDSHAKE && key !== SASL_AUTHENTICATE) entries.push(entry);
  }
  entries.push(Buffer.concat([int16(SASL_HANDSHAKE), int16(0), int16(1)]), Buffer.concat([int16(SASL_AUTHENTICATE), int16(0), int16(1)]));
  const rest = frame.subarray(14 + count * 6);
  return response(frame.readInt32BE(4), frame.subarray(8, 10), int32(entries.length), ...entries, rest);
}

function response(correlationId: number, ...parts: Buffer[]): Buffer {
  const payload = Buffer.concat([int32(correlationId), ...parts]);
  return Buffer.concat([int32(payload.length), payload]);
}

function readString(buffer: Buffer, at: number): string {
  return buffer.subarray(at + 2, at + 2 + buffer.readInt16BE(at)).toString('utf8');
}

function string(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([int16(bytes.length), bytes]);
}

function int16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeInt16BE(value);
  return b;
}

function int32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(value);
  return b;
}

function int64(value: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(value));
  return b;
}
