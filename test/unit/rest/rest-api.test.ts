import { describe, expect, it } from 'vitest';
import { DataError, InternalError, StoreUnavailableError } from '#lib/errors';
import { testClient } from './rest-client';

describe('routing', () => {
  it('answers an unknown path with 404 in the ErrorMessage shape', async () => {
    const { send } = testClient();
    const res = await send('GET', '/does-not-exist');
    expect(res.statusCode).toBe(404);
    expect(res.headers['Content-Type']).toBe('application/json');
    expect(res.json).toEqual({ error_code: 404, message: 'HTTP 404 Not Found' });
  });

  it.each(['/connectors//status', '/connectors/s1/nope', '/Connectors', '/connector%73'])('answers %s with 404', async (path) => {
    const { send } = testClient();
    expect((await send('GET', path)).statusCode).toBe(404);
  });

  it('answers a known path with another method with 405 and an Allow header', async () => {
    const { send } = testClient();
    const res = await send('DELETE', '/connectors');
    expect(res.statusCode).toBe(405);
    expect(res.json).toEqual({ error_code: 405, message: 'HTTP 405 Method Not Allowed' });
    expect(res.headers.Allow).toBe('GET,POST,HEAD,OPTIONS');
  });

  it('answers OPTIONS on a known path with 200, the allowed methods and no body (Jersey)', async () => {
    const { send } = testClient();
    const res = await send('OPTIONS', '/connectors/s1/config');
    expect(res.statusCode).toBe(200);
    expect(res.headers.Allow).toBe('GET,PUT,PATCH,HEAD,OPTIONS');
    expect(res.body).toBeUndefined();
  });

  it('answers OPTIONS on an unknown path with 404', async () => {
    const { send } = testClient();
    expect((await send('OPTIONS', '/nope')).statusCode).toBe(404);
  });

  it('serves HEAD from the GET route without a body', async () => {
    const { send, herder } = testClient();
    const res = await send('HEAD', '/connectors');
    expect(res.statusCode).toBe(200);
    expect(res.headers['Content-Type']).toBe('application/json');
    expect(res.body).toBeUndefined();
    expect(herder.listConnectors).toHaveBeenCalled();
  });

  it('treats methods case-sensitively', async () => {
    const { send } = testClient();
    expect((await send('get', '/connectors')).statusCode).toBe(405);
  });
});

describe('request bodies', () => {
  it('refuses a non-JSON Content-Type with 415', async () => {
    const { send, herder } = testClient();
    const res = await send('POST', '/connectors', { rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(415);
    expect(res.json).toEqual({ error_code: 415, message: 'HTTP 415 Unsupported Media Type' });
    expect(herder.createConnector).not.toHaveBeenCalled();
  });

  it('accepts a JSON body without Content-Type', async () => {
    const { send } = testClient();
    const res = await send('PUT', '/connectors/s1/config', { rawBody: '{}', headers: { 'content-type': '' } });
    expect(res.statusCode).toBe(200);
  });

  it('accepts JSON with a charset parameter', async () => {
    const { send } = testClient();
    const headers = { 'content-type': 'Application/JSON; charset=UTF-8' };
    expect((await send('PUT', '/connectors/s1/config', { rawBody: '{}', headers })).statusCode).toBe(200);
  });

  it('ignores the Content-Type of endpoints that read no body', async () => {
    const { send } = testClient();
    expect((await send('PUT', '/connectors/s1/pause', { headers: { 'content-type': 'text/plain' } })).statusCode).toBe(202);
  });

  it('refuses a body over maxBodyBytes with 413', async () => {
    const { send, herder } = testClient({ maxBodyBytes: 64 });
    const res = await send('PUT', '/connectors/s1/config', { body: { big: 'é'.repeat(40) } });
    expect(res.statusCode).toBe(413);
    expect(res.json).toMatchObject({ error_code: 413 });
    expect(herder.putConnectorConfig).not.toHaveBeenCalled();
  });

  it('accepts a body of exactly maxBodyBytes', async () => {
    const rawBody = `{"k":"${'x'.repeat(56)}"}`;
    const { send } = testClient({ maxBodyBytes: Buffer.byteLength(rawBody) });
    expect((await send('PUT', '/connectors/s1/config', { rawBody })).statusCode).toBe(200);
  });
});

describe('error mapping', () => {
  it('shows the message of a ConnectError that maps to 500', async () => {
    const { send, herder, log } = testClient();
    herder.connectorInfo.mockRejectedValueOnce(new InternalError('Failed to find any class that implements Connector'));
    const res = await send('GET', '/connectors/s1');
    expect(res.json).toEqual({ error_code: 500, message: 'Failed to find any class that implements Connector' });
    expect(log.error).toHaveBeenCalledWith('REST request failed', expect.objectContaining({ method: 'GET', path: '/connectors/s1' }));
  });

  it('maps DataError to 500 and StoreUnavailableError to 503', async () => {
    const { send, herder } = testClient();
    herder.connectorInfo.mockRejectedValueOnce(new DataError('bad data'));
    herder.connectorConfig.mockRejectedValueOnce(new StoreUnavailableError('throttled'));
    expect((await send('GET', '/connectors/s1')).json).toEqual({ error_code: 500, message: 'bad data' });
    expect((await send('GET', '/connectors/s1/config')).json).toEqual({ error_code: 503, message: 'throttled' });
  });

  it('hides the message of an unexpected error and logs it', async () => {
    const { send, herder, log } = testClient();
    herder.connectorInfo.mockRejectedValueOnce(new TypeError('secret detail'));
    const res = await send('GET', '/connectors/s1');
    expect(res.json).toEqual({ error_code: 500, message: 'HTTP 500 Internal Server Error' });
    expect(log.error).toHaveBeenCalledWith(
      'Unhandled error while serving a REST request',
      expect.objectContaining({ error: 'secret detail', errorName: 'TypeError' }),
    );
  });

  it('does not log client errors', async () => {
    const { send, log } = testClient();
    await send('GET', '/connectors/nope');
    expect(log.error).not.toHaveBeenCalled();
  });
});
