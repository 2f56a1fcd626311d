/**
 * Reads a request body up to a hard cap. Past the cap it stops collecting and reports `tooLarge`, so an
 * oversized upload is never held in memory. A body announced too large by Content-Length is not read at
 * all (`declared`: the caller closes the connection). A body that grows too large while streaming is
 * drained and discarded, so the client can finish sending and read the 413 on a live connection; if it
 * keeps sending past another cap's worth, the connection is cut.
 */
import type { IncomingMessage } from 'node:http';

export type BodyRead = { tooLarge: false; body: Buffer } | { tooLarge: true; declared: boolean };

export function declaredTooLarge(request: IncomingMessage, maxBytes: number): boolean {
  const declared = Number(request.headers['content-length']);
  return Number.isFinite(declared) && declared > maxBytes;
}

export function readRequestBody(request: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  if (declaredTooLarge(request, maxBytes)) return Promise.resolve({ tooLarge: true, declared: true });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      cleanup();
      chunks.length = 0;
      discardRest(request, maxBytes);
      resolve({ tooLarge: true, declared: false });
    };
    const onEnd = (): void => {
      cleanup();
      resolve({ tooLarge: false, body: Buffer.concat(chunks, size) });
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

function discardRest(request: IncomingMessage, maxBytes: number): void {
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > maxBytes) request.socket.destroy();
  });
  request.on('error', () => undefined);
}
