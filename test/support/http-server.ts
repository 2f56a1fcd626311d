/**
 * A local HTTP server on 127.0.0.1 (a free port) for sink tests: it records every request (method,
 * path, headers, body) and answers from a script — a status with an optional body and headers, a
 * delay before answering, or a dropped connection — then with the default answer (200).
 * `useHttpServer()` starts one per test file and clears requests and script before each test.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export interface RecordedRequest {
  readonly method: string;
  /** Path and query, e.g. `/events?x=1`. */
  readonly path: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type ScriptedResponse =
  | { readonly status: number; readonly body?: string; readonly headers?: Readonly<Record<string, string>>; readonly delayMs?: number }
  | { readonly drop: true };

export interface TestHttpServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** Answers for the next requests, in order; afterwards the default answer. */
  respondWith(...responses: ScriptedResponse[]): void;
  /** The answer once the script is used up (initially 200 with an empty body). */
  setDefault(response: ScriptedResponse): void;
  reset(): void;
  close(): Promise<void>;
}

const OK: ScriptedResponse = { status: 200 };

export async function startHttpServer(): Promise<TestHttpServer> {
  const requests: RecordedRequest[] = [];
  let script: ScriptedResponse[] = [];
  let fallback = OK;
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: flatHeaders(req), body });
      const answer = script.shift() ?? fallback;
      if ('drop' in answer) {
        req.socket.destroy();
        return;
      }
      const send = (): void => {
        res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
        res.end(answer.body ?? '');
      };
      if (answer.delayMs === undefined) return send();
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) send();
      }, answer.delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith: (...responses) => void script.push(...responses),
    setDefault: (response) => void (fallback = response),
    reset() {
      requests.length = 0;
      script = [];
      fallback = OK;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A server for the test file, reset before each test. */
export function useHttpServer(): TestHttpServer {
  let server: TestHttpServer | undefined;
  beforeAll(async () => {
    server = await startHttpServer();
  });
  beforeEach(() => server?.reset());
  afterAll(async () => {
    await server?.close();
  });
  const current = (): TestHttpServer => {
    if (!server) throw new Error('useHttpServer(): the server starts in beforeAll; use it inside tests and hooks');
    return server;
  };
  return {
    get url() { return current().url; },
    get requests() { return current().requests; },
    respondWith: (...responses) => current().respondWith(...responses),
    setDefault: (response) => current().setDefault(response),
    reset: () => current().reset(),
    close: () => current().close(),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
}
