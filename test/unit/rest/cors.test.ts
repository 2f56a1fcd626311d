import { describe, expect, it } from 'vitest';
import { testClient } from './rest-client';

const ORIGIN = 'https://ui.example.com';

describe('CORS off (access.control.allow.origin empty)', () => {
  it('adds no CORS headers', async () => {
    const { send } = testClient();
    const res = await send('GET', '/connectors', { headers: { origin: ORIGIN } });
    expect(Object.keys(res.headers).filter((h) => h.startsWith('Access-Control'))).toEqual([]);
  });

  it('answers a preflight as plain OPTIONS, without CORS headers', async () => {
    const { send } = testClient();
    const res = await send('OPTIONS', '/connectors', { headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['Access-Control-Allow-Origin']).toBeUndefined();
  });
});

describe('CORS on', () => {
  it('echoes a matching origin on simple requests, with credentials and Vary', async () => {
    const { send } = testClient({ allowOrigin: `http://other, ${ORIGIN}` });
    const res = await send('GET', '/connectors', { headers: { origin: ORIGIN } });
    expect(res.headers['Access-Control-Allow-Origin']).toBe(ORIGIN);
    expect(res.headers['Access-Control-Allow-Credentials']).toBe('true');
    expect(res.headers.Vary).toBe('Origin');
    expect(res.headers['Access-Control-Allow-Methods']).toBeUndefined();
  });

  it('echoes any origin for *, without Vary', async () => {
    const { send } = testClient({ allowOrigin: '*' });
    const res = await send('GET', '/connectors', { headers: { origin: 'http://anything:3000' } });
    expect(res.headers['Access-Control-Allow-Origin']).toBe('http://anything:3000');
    expect(res.headers.Vary).toBeUndefined();
  });

  it('supports * wildcards inside an allowed origin', async () => {
    const { send } = testClient({ allowOrigin: 'https://*.example.com' });
    expect((await send('GET', '/', { headers: { origin: ORIGIN } })).headers['Access-Control-Allow-Origin']).toBe(ORIGIN);
    expect((await send('GET', '/', { headers: { origin: 'https://exampleXcom' } })).headers['Access-Control-Allow-Origin']).toBeUndefined();
  });

  it('adds nothing for an origin that does not match', async () => {
    const { send } = testClient({ allowOrigin: ORIGIN });
    const res = await send('GET', '/connectors', { headers: { origin: 'https://evil.example.org' } });
    expect(res.headers['Access-Control-Allow-Origin']).toBeUndefined();
  });

  it('adds nothing to requests without Origin', async () => {
    const { send } = testClient({ allowOrigin: '*' });
    expect((await send('GET', '/connectors')).headers['Access-Control-Allow-Origin']).toBeUndefined();
  });

  it('answers a preflight with Jetty defaults: GET,POST,HEAD, default headers, max-age 1800', async () => {
    const { send } = testClient({ allowOrigin: ORIGIN });
    const headers = { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, accept' };
    const res = await send('OPTIONS', '/connectors', { headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({
      'Access-Control-Allow-Origin': ORIGIN,
      'Access-Control-Allow-Methods': 'GET,POST,HEAD',
      'Access-Control-Allow-Headers': 'X-Requested-With,Content-Type,Accept,Origin',
      'Access-Control-Max-Age': '1800',
      'Access-Control-Allow-Credentials': 'true',
    });
  });

  it('uses access.control.allow.methods for preflights', async () => {
    const { send } = testClient({ allowOrigin: ORIGIN, allowMethods: 'GET, PUT ,DELETE' });
    const res = await send('OPTIONS', '/connectors/s1', { headers: { origin: ORIGIN, 'access-control-request-method': 'DELETE' } });
    expect(res.headers['Access-Control-Allow-Methods']).toBe('GET,PUT,DELETE');
  });

  it('adds no CORS headers to a preflight for a method that is not allowed', async () => {
    const { send } = testClient({ allowOrigin: ORIGIN });
    const res = await send('OPTIONS', '/connectors/s1', { headers: { origin: ORIGIN, 'access-control-request-method': 'DELETE' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['Access-Control-Allow-Origin']).toBeUndefined();
  });

  it('adds no CORS headers to a preflight asking for a header that is not allowed', async () => {
    const { send } = testClient({ allowOrigin: ORIGIN });
    const headers = { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'Authorization' };
    expect((await send('OPTIONS', '/connectors', { headers })).headers['Access-Control-Allow-Origin']).toBeUndefined();
  });

  it('adds CORS headers to error responses too', async () => {
    const { send } = testClient({ allowOrigin: '*' });
    const res = await send('GET', '/connectors/nope', { headers: { origin: ORIGIN } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['Access-Control-Allow-Origin']).toBe(ORIGIN);
  });
});
