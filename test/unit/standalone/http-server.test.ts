import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { setLogSink } from '#lib/logging/logger';
import { startHttpServer, type HttpApiHandler, type HttpServerOptions, type RunningHttpServer } from '#lib/standalone/http-server';

let server: RunningHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function echoServer(handler?: HttpApiHandler, maxBodyBytes?: number, options: Partial<HttpServerOptions> = {}): Promise<{ url: string; events: APIGatewayProxyEventV2[] }> {
  const events: APIGatewayProxyEventV2[] = [];
  const echo: HttpApiHandler = async (event) => {
    events.push(event);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) };
  };
  server = await startHttpServer({ host: '127.0.0.1', port: 0, handler: handler ?? echo, ...(maxBodyBytes ? { maxBodyBytes } : {}), ...options });
  return { url: server.url, events };
}

/** A raw request, so that the path and repeated headers reach the server exactly as written. */
function rawRequest(url: string, options: { method?: string; path: string; headers?: [string, string][]; body?: Buffer }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    // Headers as a flat list keep repeats and case; node then adds no Host header by itself.
    const headers = [['host', new URL(url).host], ...(options.headers ?? [])].flat();
    const req = request(`${url}${options.path}`, { method: options.method ?? 'GET', headers: headers as unknown as Record<string, string> }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('startHttpServer', () => {
  it('passes the raw path percent-encoded and the raw query string as received', async () => {
    const { url, events } = await echoServer();
    await rawRequest(url, { path: '/connectors/my%2Fconn/status?expand=status&expand=info&x=a%20b+c' });
    expect(events[0]).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/connectors/my%2Fconn/status',
      rawQueryString: 'expand=status&expand=info&x=a%20b+c',
      queryStringParameters: { expand: 'status,info', x: 'a b+c' },
      isBase64Encoded: false,
    });
    expect(events[0]?.body).toBeUndefined();
  });

  it('fills the request context like a Function URL does for its $default stage', async () => {
    const { url, events } = await echoServer();
    await rawRequest(url, { method: 'DELETE', path: '/connectors/a', headers: [['User-Agent', 'curl/8.0']] });
    const context = events[0]?.requestContext;
    expect(context).toMatchObject({
      routeKey: '$default',
      stage: '$default',
      accountId: 'anonymous',
      apiId: 'standalone',
      domainName: 'standalone.lambda-url.local.on.aws',
      domainPrefix: 'standalone',
      http: { method: 'DELETE', path: '/connectors/a', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'curl/8.0' },
    });
    expect(events[0]?.headers.host).toBe(new URL(url).host);
    expect(context?.time).toMatch(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
    expect(Math.abs((context?.timeEpoch ?? 0) - Date.now())).toBeLessThan(5_000);
  });

  it('percent-decodes the raw path and names the Host as domain when asked to behave like API Gateway HTTP API', async () => {
    const { url, events } = await echoServer(undefined, undefined, { pathEncoding: 'decoded' });
    await rawRequest(url, { path: '/connectors/my%20conn/status?x=%20' });
    expect(events[0]).toMatchObject({ rawPath: '/connectors/my conn/status', rawQueryString: 'x=%20' });
    expect(events[0]?.requestContext).toMatchObject({ domainName: new URL(url).host, accountId: '000000000000' });
  });

  it('lower-cases header names, joins repeated headers with commas and moves cookies out', async () => {
    const { url, events } = await echoServer();
    await rawRequest(url, { path: '/', headers: [['X-Multi', 'a'], ['x-multi', 'b'], ['Cookie', 'k1=v1; k2=v2'], ['Accept', 'application/json']] });
    const event = events[0];
    expect(event?.headers).toMatchObject({ 'x-multi': 'a,b', accept: 'application/json', 'x-forwarded-proto': 'http' });
    expect(event?.headers.cookie).toBeUndefined();
    expect(event?.cookies).toEqual(['k1=v1', 'k2=v2']);
  });

  it('passes a JSON body as text', async () => {
    const { url, events } = await echoServer();
    const body = JSON.stringify({ name: 'x', config: { 'tasks.max': '1' } });
    await rawRequest(url, { method: 'POST', path: '/connectors', headers: [['content-type', 'application/json']], body: Buffer.from(body) });
    expect(events[0]).toMatchObject({ body, isBase64Encoded: false });
  });

  it('passes a binary body as base64', async () => {
    const { url, events } = await echoServer();
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80]);
    await rawRequest(url, { method: 'PUT', path: '/x', headers: [['content-type', 'application/json']], body: bytes });
    expect(events[0]).toMatchObject({ body: bytes.toString('base64'), isBase64Encoded: true });
  });

  it('writes the structured result: status, headers, cookies and a base64 body', async () => {
    const { url } = await echoServer(async () => ({
      statusCode: 201,
      headers: { 'content-type': 'text/plain', 'x-count': 3 },
      cookies: ['a=1', 'b=2'],
      body: Buffer.from('hello').toString('base64'),
      isBase64Encoded: true,
    }));
    const response = await rawRequest(url, { path: '/' });
    expect(response).toMatchObject({ status: 201, body: 'hello', headers: { 'content-type': 'text/plain', 'x-count': '3', 'set-cookie': ['a=1', 'b=2'] } });
  });

  it('sends a result without statusCode as a 200 JSON body', async () => {
    const { url } = await echoServer(async () => ({ version: '1.0' }));
    const response = await rawRequest(url, { path: '/' });
    expect(response).toMatchObject({ status: 200, body: '{"version":"1.0"}', headers: { 'content-type': 'application/json' } });
  });

  it('answers 500 with a Connect error body and logs the error when the handler throws', async () => {
    const lines: string[] = [];
    const previous = setLogSink((line) => lines.push(line));
    try {
      const { url } = await echoServer(async () => {
        throw new Error('boom');
      });
      const response = await rawRequest(url, { path: '/connectors' });
      expect(response.status).toBe(500);
      expect(JSON.parse(response.body)).toEqual({ error_code: 500, message: 'Internal Server Error' });
      expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(
        expect.objectContaining({ level: 'ERROR', path: '/connectors', error: expect.objectContaining({ message: 'boom' }) }),
      );
    } finally {
      setLogSink(previous);
    }
  });

  it('answers 413 with a Connect error body when the body is over the cap, without calling the handler', async () => {
    const { url, events } = await echoServer(undefined, 1024);
    const response = await rawRequest(url, { method: 'POST', path: '/connectors', headers: [['content-type', 'application/json']], body: Buffer.alloc(4096, 'a') });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ error_code: 413 });
    expect(events).toHaveLength(0);
  });

  it('answers 413 for a chunked body that grows over the cap', async () => {
    const { url, events } = await echoServer(undefined, 1024);
    const response = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}/x`, { method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 4; i++) req.write(Buffer.alloc(512, 'b'));
      req.end();
    });
    expect(response).toBe(413);
    expect(events).toHaveLength(0);
  });

  it('serves several requests over one keep-alive connection and closes gracefully', async () => {
    const { url } = await echoServer(async () => ({ statusCode: 204 }));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${url}/`)).status);
    expect(statuses).toEqual([204, 204, 204]);
    await server?.close();
    server = undefined;
    await expect(fetch(`${url}/`)).rejects.toThrow();
  });
});
