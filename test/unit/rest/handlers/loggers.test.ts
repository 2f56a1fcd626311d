import { describe, expect, it } from 'vitest';
import { testClient } from '../rest-client';

describe('GET /admin/loggers', () => {
  it('returns the logger levels', async () => {
    const { send } = testClient();
    expect((await send('GET', '/admin/loggers')).json).toEqual({ root: { level: 'INFO', last_modified: null } });
  });

  it('returns one logger', async () => {
    const { send, herder } = testClient();
    expect((await send('GET', '/admin/loggers/org.apache.kafka')).json).toEqual({ level: 'INFO', last_modified: null });
    expect(herder.logger).toHaveBeenCalledWith('org.apache.kafka');
  });

  it('answers 404 for an unknown logger', async () => {
    const { send } = testClient();
    expect((await send('GET', '/admin/loggers/no.such.logger')).json).toEqual({ error_code: 404, message: 'Logger no.such.logger not found.' });
  });

  it('answers 404 on every admin path when admin endpoints are disabled', async () => {
    const { send } = testClient({ adminEnabled: false });
    expect((await send('GET', '/admin/loggers')).json).toEqual({ error_code: 404, message: 'HTTP 404 Not Found' });
    expect((await send('PUT', '/admin/loggers/x', { body: { level: 'INFO' } })).statusCode).toBe(404);
  });
});

describe('PUT /admin/loggers/{l}', () => {
  it('answers worker scope with 200 and the affected loggers', async () => {
    const { send, herder } = testClient();
    const res = await send('PUT', '/admin/loggers/org.apache.kafka.connect', { body: { level: 'debug' } });
    expect(res.statusCode).toBe(200);
    expect(res.json).toEqual(['org.apache.kafka.connect', 'org.apache.kafka.connect.child']);
    expect(herder.setLoggerLevel).toHaveBeenCalledWith('org.apache.kafka.connect', 'DEBUG', 'worker');
  });

  it.each(['cluster', 'CLUSTER', 'Cluster'])('answers scope=%s with 204', async (scope) => {
    const { send, herder } = testClient();
    const res = await send('PUT', `/admin/loggers/x?scope=${scope}`, { body: { level: 'INFO' } });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBeUndefined();
    expect(herder.setLoggerLevel).toHaveBeenCalledWith('x', 'INFO', 'cluster');
  });

  it('treats any other scope as worker', async () => {
    const { send, herder } = testClient();
    await send('PUT', '/admin/loggers/x?scope=galaxy', { body: { level: 'INFO' } });
    expect(herder.setLoggerLevel).toHaveBeenCalledWith('x', 'INFO', 'worker');
  });

  it.each([[{}], [{ level: null }], [{ other: 'INFO' }]])('answers %j with 400', async (body) => {
    const { send } = testClient();
    expect((await send('PUT', '/admin/loggers/x', { body })).json).toEqual({
      error_code: 400,
      message: "Desired 'level' parameter was not specified in request.",
    });
  });

  it('answers an empty body with 400', async () => {
    const { send } = testClient();
    expect((await send('PUT', '/admin/loggers/x', { rawBody: '' })).statusCode).toBe(400);
  });

  it('answers an unknown level with 404 (Kafka quirk) quoting it as sent', async () => {
    const { send, herder } = testClient();
    expect((await send('PUT', '/admin/loggers/x', { body: { level: 'Loud' } })).json).toEqual({
      error_code: 404,
      message: "invalid log level 'Loud'.",
    });
    expect(herder.setLoggerLevel).not.toHaveBeenCalled();
  });
});
