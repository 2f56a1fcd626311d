import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '#lib/errors';
import { testClient } from '../rest-client';

describe('PUT /connectors/{c}/pause and /resume', () => {
  it.each(['pause', 'resume'])('%s answers 202 with an empty body', async (action) => {
    const { send } = testClient();
    const res = await send('PUT', `/connectors/s1/${action}`);
    expect(res.statusCode).toBe(202);
    expect(res.body).toBeUndefined();
    expect(res.headers).toEqual({});
  });

  it.each(['pause', 'resume'])('%s answers 404 for an unknown connector', async (action) => {
    const { send } = testClient();
    expect((await send('PUT', `/connectors/nope/${action}`)).json).toEqual({ error_code: 404, message: 'Unknown connector nope' });
  });
});

describe('PUT /connectors/{c}/stop', () => {
  it('answers 204', async () => {
    const { send, herder } = testClient();
    expect((await send('PUT', '/connectors/s1/stop')).statusCode).toBe(204);
    expect(herder.stopConnector).toHaveBeenCalledWith('s1');
  });

  it('answers 409 when the herder reports a conflict', async () => {
    const { send, herder } = testClient();
    herder.stopConnector.mockRejectedValueOnce(new ConflictError('Cannot complete request momentarily'));
    expect((await send('PUT', '/connectors/s1/stop')).statusCode).toBe(409);
  });
});

describe('POST /connectors/{c}/restart', () => {
  it('answers 204 for the legacy connector-only restart', async () => {
    const { send, herder } = testClient();
    const res = await send('POST', '/connectors/s1/restart');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBeUndefined();
    expect(herder.restartConnector).toHaveBeenCalledWith('s1', { includeTasks: false, onlyFailed: false });
  });

  it('answers 202 with the restart plan when includeTasks is set', async () => {
    const { send, herder } = testClient();
    const res = await send('POST', '/connectors/s1/restart?includeTasks=true&onlyFailed=false');
    expect(res.statusCode).toBe(202);
    expect(res.json).toMatchObject({ name: 's1', connector: { state: 'RESTARTING' } });
    expect(herder.restartConnector).toHaveBeenCalledWith('s1', { includeTasks: true, onlyFailed: false });
  });

  it.each([
    ['includeTasks=TRUE&onlyFailed=True', { includeTasks: true, onlyFailed: true }],
    ['includeTasks=yes&onlyFailed=1', { includeTasks: false, onlyFailed: false }],
    ['includeTasks=&onlyFailed', { includeTasks: false, onlyFailed: false }],
    ['includeTasks=true&includeTasks=false', { includeTasks: true, onlyFailed: false }],
  ])('parses booleans like Boolean.valueOf: %s', async (query, options) => {
    const { send, herder } = testClient();
    await send('POST', `/connectors/s1/restart?${query}`);
    expect(herder.restartConnector).toHaveBeenCalledWith('s1', options);
  });

  it('answers 404 for an unknown connector', async () => {
    const { send } = testClient();
    expect((await send('POST', '/connectors/nope/restart?includeTasks=true')).statusCode).toBe(404);
  });
});

describe('POST /connectors/{c}/tasks/{t}/restart', () => {
  it('answers 204', async () => {
    const { send, herder } = testClient();
    expect((await send('POST', '/connectors/s1/tasks/0/restart')).statusCode).toBe(204);
    expect(herder.restartTask).toHaveBeenCalledWith('s1', 0);
  });

  it('answers 404 for an unknown task', async () => {
    const { send } = testClient();
    expect((await send('POST', '/connectors/s1/tasks/99/restart')).json).toEqual({ error_code: 404, message: 'Unknown task: s1-99' });
  });
});

describe('topics', () => {
  it('wraps the active topics under the connector name', async () => {
    const { send } = testClient();
    expect((await send('GET', '/connectors/s1/topics')).json).toEqual({ s1: { topics: ['t1'] } });
  });

  it('answers an unknown connector with an empty list', async () => {
    const { send } = testClient();
    expect((await send('GET', '/connectors/nope/topics')).json).toEqual({ nope: { topics: [] } });
  });

  it('keeps a connector named __proto__ as an ordinary key', async () => {
    const { send } = testClient();
    expect((await send('GET', '/connectors/__proto__/topics')).body).toBe('{"__proto__":{"topics":[]}}');
  });

  it('answers 403 when topic tracking is disabled', async () => {
    const { send, herder } = testClient();
    herder.connectorTopics.mockRejectedValueOnce(new ForbiddenError('Topic tracking is disabled.'));
    expect((await send('GET', '/connectors/s1/topics')).json).toEqual({ error_code: 403, message: 'Topic tracking is disabled.' });
  });

  it('resets topics with 202 and an empty body', async () => {
    const { send } = testClient();
    const res = await send('PUT', '/connectors/s1/topics/reset');
    expect(res.statusCode).toBe(202);
    expect(res.body).toBeUndefined();
  });
});
