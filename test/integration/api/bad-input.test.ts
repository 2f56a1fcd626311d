import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorker, type TestWorker } from '#test/support/test-worker';

const SINK = 'FileStreamSink';
let worker: TestWorker;

beforeAll(async () => {
  worker = await startTestWorker();
});
afterAll(async () => worker.stop());

const config = { 'connector.class': SINK, topics: 't1' };

describe('bad input gets a clear Connect error and changes nothing', () => {
  it('rejects an empty name', async () => {
    const res = await worker.request('POST', '/connectors', { name: '   ', config });
    expect(res.status).toBe(400);
    expect(res.json.message).toContain('Invalid value  for configuration name: String may not be empty');
  });

  it('rejects a name with control characters', async () => {
    const res = await worker.request('POST', '/connectors', { name: 'bad\u0001name', config });
    expect(res.status).toBe(400);
    expect(res.json.message).toContain('had the following ASCII chars: 1');
  });

  it('rejects a name that differs between path and body', async () => {
    const post = await worker.request('POST', '/connectors', { name: 'a', config: { ...config, name: 'b' } });
    expect(post.json).toEqual({ error_code: 400, message: "Connector name configuration (b) doesn't match connector name in the URL (a)" });
    const put = await worker.request('PUT', '/connectors/a/config', { ...config, name: 'other' });
    expect(put.status).toBe(400);
  });

  it('rejects tasks.max that is not a positive integer', async () => {
    for (const value of ['0', '-1', 'abc', '1.5']) {
      const res = await worker.request('POST', '/connectors', { name: `tm-${value}`, config: { ...config, 'tasks.max': value } });
      expect(res.status).toBe(400);
      expect(res.json.message).toMatch(/^Connector configuration is invalid and contains the following \d error\(s\):/);
    }
  });

  it('rejects an unknown connector class and a missing one', async () => {
    const unknown = await worker.request('POST', '/connectors', { name: 'u', config: { 'connector.class': 'NoSuchConnector' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.message).toMatch(/^Failed to find any class that implements Connector and which name matches NoSuchConnector/);
    const missing = await worker.request('POST', '/connectors', { name: 'm', config: { topics: 't1' } });
    expect(missing.status).toBe(400);
    expect(missing.json.message).toMatch(/contains no connector type$/);
  });

  it('rejects a null config value', async () => {
    const res = await worker.request('PUT', '/connectors/n/config', { ...config, foo: null });
    expect(res.status).toBe(400);
    expect(res.json.message).toContain('Null value can not be supplied as the configuration value.');
  });

  it('rejects malformed JSON, a non-object body and a nested config value with 400', async () => {
    expect((await worker.request('POST', '/connectors', '{"name": "x", ')).status).toBe(400);
    expect((await worker.request('POST', '/connectors', '[]')).status).toBe(400);
    const nested = await worker.request('POST', '/connectors', { name: 'x', config: { ...config, deep: { a: 1 } } });
    expect(nested.status).toBe(400);
    expect(nested.json.error_code).toBe(400);
  });

  it('rejects a bad initial_state with 400', async () => {
    expect((await worker.request('POST', '/connectors', { name: 'x', config, initial_state: 'BOGUS' })).status).toBe(400);
  });

  it('rejects a huge body with 413', async () => {
    const res = await worker.request('POST', '/connectors', { name: 'big', config: { ...config, blob: 'x'.repeat(2 * 1024 * 1024) } });
    expect(res.status).toBe(413);
    expect(res.json.error_code).toBe(413);
  });

  it('rejects a non-JSON content type with 415', async () => {
    const res = await worker.request('POST', '/connectors', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(res.json.error_code).toBe(415);
  });

  it('answers 405 for an unsupported method on a known path', async () => {
    const res = await worker.request('DELETE', '/connector-plugins');
    expect(res.status).toBe(405);
  });

  it('created none of the rejected connectors', async () => {
    expect((await worker.request('GET', '/connectors')).json).toEqual([]);
  });
});
