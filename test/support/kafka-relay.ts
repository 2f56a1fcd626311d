/**
 * A TLS front for the embedded mock cluster, which speaks plaintext only: one TLS listener per
 * broker, each relaying to its broker, and Metadata responses rewritten so that clients are sent to
 * the TLS listeners instead of the plaintext ports (ports only: the host stays 127.0.0.1, so every
 * rewrite is in place). Options go to `tls.createServer` (e.g. `requestCert` for mTLS); the CN of
 * every client certificate presented is recorded.
 */
import { connect, type Socket } from 'node:net';
import { createServer, type Server, type TlsOptions, type TLSSocket } from 'node:tls';

export interface KafkaTlsRelay {
  /** The TLS bootstrap servers, in the order of the plaintext ones. */
  readonly brokers: string[];
  /** CNs of the client certificates the listeners saw, in order. */
  readonly clientCertificates: string[];
  close(): Promise<void>;
}

const METADATA = 3;

export async function startKafkaTlsRelay(plaintextBrokers: readonly string[], options: TlsOptions): Promise<KafkaTlsRelay> {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const clientCertificates: string[] = [];
  const portMap = new Map<number, number>();
  for (const broker of plaintextBrokers) {
    const [host = '127.0.0.1', port = '0'] = broker.split(':');
    const server = createServer(options, (client: TLSSocket) => {
      const cn = client.getPeerCertificate().subject?.CN;
      if (cn !== undefined) clientCertificates.push(String(cn));
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
      const metadataRequests = new Map<number, number>();
      client.on('data', frames((frame) => {
        // Request header: apiKey int16, apiVersion int16, correlationId int32.
        if (frame.readInt16BE(4) === METADATA) metadataRequests.set(frame.readInt32BE(8), frame.readInt16BE(6));
        upstream.write(frame);
      }));
      upstream.on('data', frames((frame) => {
        const correlationId = frame.readInt32BE(4);
        const version = metadataRequests.get(correlationId);
        if (version !== undefined) {
          metadataRequests.delete(correlationId);
          rewriteBrokerPorts(frame, version, portMap);
        }
        client.write(frame);
      }));
    });
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    portMap.set(Number(port), (server.address() as { port: number }).port);
    servers.push(server);
  }
  return {
    brokers: plaintextBrokers.map((b) => `127.0.0.1:${portMap.get(Number(b.split(':')[1])) ?? 0}`),
    clientCertificates,
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
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
    if (version >= 1) {
      const rack = frame.readInt16BE(at);
      at += 2 + Math.max(rack, 0);
    }
  }
}
