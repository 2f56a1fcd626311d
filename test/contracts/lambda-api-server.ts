/**
 * A local HTTP server speaking the REST-JSON routes of Lambda's alias and event source mapping API
 * (the calls `lambda-sink-mappings.ts` makes), keeping what it is sent. AWS's control plane has no
 * local stand-in; this lets the real @aws-sdk/client-lambda adapter run in tests. Listing pages one
 * mapping at a time, so paging is always exercised.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LambdaClient } from '@aws-sdk/client-lambda';

export interface StoredMapping {
  UUID: string;
  FunctionArn: string;
  State: string;
  [key: string]: unknown;
}

export interface LambdaApiServer {
  endpoint: string;
  mappings: Map<string, StoredMapping>;
  aliases: Set<string>;
  requests: Array<{ method: string; path: string; body: Record<string, unknown> }>;
  /** Answers the next `count` requests of `method` with Lambda's throttling error (429 TooManyRequestsException). */
  throttleNext(method: string, count?: number): void;
  client(): LambdaClient;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, error?: string): void {
  res.writeHead(status, { 'content-type': 'application/json', ...(error ? { 'x-amzn-errortype': error } : {}) });
  res.end(JSON.stringify(body));
}

/** `pageSize`: mappings per listed page at most (default 1, so that paging is always exercised). */
export async function startLambdaApiServer({ pageSize = 1 }: { pageSize?: number } = {}): Promise<LambdaApiServer> {
  const mappings = new Map<string, StoredMapping>();
  const aliases = new Set<string>();
  const requests: LambdaApiServer['requests'] = [];
  let counter = 0;
  const throttled = new Map<string, number>();
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      requests.push({ method: req.method ?? '', path: url.pathname, body });
      const left = throttled.get(req.method ?? '') ?? 0;
      if (left > 0) {
        throttled.set(req.method ?? '', left - 1);
        return send(res, 429, { message: 'Rate exceeded', Type: 'User', Reason: 'CallerRateLimitExceeded' }, 'TooManyRequestsException');
      }
      const esm = /^\/2015-03-31\/event-source-mappings\/?([^/]*)$/.exec(url.pathname);
      const alias = /^\/2015-03-31\/functions\/([^/]+)\/aliases\/?([^/]*)$/.exec(url.pathname);
      if (esm && req.method === 'POST') {
        const UUID = `uuid-${++counter}`;
        const m: StoredMapping = { ...body, UUID, FunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${String(body.FunctionName)}`, State: body.Enabled === false ? 'Disabled' : 'Creating' };
        mappings.set(UUID, m);
        return send(res, 202, m);
      }
      if (esm && req.method === 'GET') {
        // Filters as Lambda's: FunctionName (name or name:qualifier) and EventSourceArn, each optional.
        const fn = url.searchParams.get('FunctionName');
        const source = url.searchParams.get('EventSourceArn');
        const all = [...mappings.values()].filter((m) => (fn === null || m.FunctionArn.endsWith(`:function:${fn}`)) && (source === null || m.EventSourceArn === source));
        const start = Number(url.searchParams.get('Marker') ?? 0);
        const size = Math.min(pageSize, Number(url.searchParams.get('MaxItems') ?? pageSize));
        return send(res, 200, { EventSourceMappings: all.slice(start, start + size), ...(start + size < all.length ? { NextMarker: String(start + size) } : {}) });
      }
      if (esm && req.method === 'PUT') {
        const m = mappings.get(decodeURIComponent(esm[1] ?? ''));
        if (!m) return send(res, 404, { message: 'not found' }, 'ResourceNotFoundException');
        Object.assign(m, body, { State: body.Enabled === false ? 'Disabled' : 'Enabled' });
        return send(res, 202, m);
      }
      if (esm && req.method === 'DELETE') {
        const id = decodeURIComponent(esm[1] ?? '');
        if (!mappings.delete(id)) return send(res, 404, { message: 'not found' }, 'ResourceNotFoundException');
        return send(res, 202, { UUID: id, State: 'Deleting' });
      }
      if (alias && req.method === 'POST') {
        const name = String(body.Name);
        if (aliases.has(name)) return send(res, 409, { message: 'exists' }, 'ResourceConflictException');
        aliases.add(name);
        return send(res, 201, { Name: name, FunctionVersion: body.FunctionVersion });
      }
      if (alias && req.method === 'DELETE') {
        if (!aliases.delete(decodeURIComponent(alias[2] ?? ''))) return send(res, 404, { message: 'none' }, 'ResourceNotFoundException');
        res.writeHead(204).end();
        return;
      }
      send(res, 400, { message: `unexpected ${req.method} ${url.pathname}` }, 'InvalidParameterValueException');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    mappings,
    aliases,
    requests,
    throttleNext: (method, count = 1) => void throttled.set(method, count),
    client: () => new LambdaClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
