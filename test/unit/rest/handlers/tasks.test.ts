import { describe, expect, it } from 'vitest';
import { testClient } from '../rest-client';

describe('GET /connectors/{c}/status', () => {
  it('returns the ConnectorStateInfo', async () => {
    const { send } = testClient();
    const res = await send('GET', '/connectors/s1/status');
    expect(res.statusCode).toBe(200);
    expect(res.json).toMatchObject({ name: 's1', connector: { state: 'RUNNING' } });
  });

  it('answers 404 when no status exists', async () => {
    const { send } = testClient();
    expect((await send('GET', '/connectors/nope/status')).json).toEqual({
      error_code: 404,
      message: 'No status found for connector nope',
    });
  });
});

describe('GET /connectors/{c}/tasks', () => {
  it('returns the task infos', async () => {
    const { send } = testClient();
    const res = await send('GET', '/connectors/s1/tasks');
    expect(res.json).toEqual([{ id: { connector: 's1', task: 0 }, config: { 'task.class': 'FileStreamSinkTask', topics: 't1' } }]);
  });
});

describe('GET /connectors/{c}/tasks-config (deprecated)', () => {
  it('returns task configs keyed by "<connector>-<task>" and logs the deprecation', async () => {
    const { send, log } = testClient();
    const res = await send('GET', '/connectors/s1/tasks-config');
    expect(res.statusCode).toBe(200);
    expect(res.json).toEqual({ 's1-0': { 'task.class': 'FileStreamSinkTask', topics: 't1' } });
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('deprecated'), { connector: 's1' });
  });

  it('answers 404 for an unknown connector', async () => {
    const { send } = testClient();
    expect((await send('GET', '/connectors/nope/tasks-config')).statusCode).toBe(404);
  });
});

describe('GET /connectors/{c}/tasks/{t}/status', () => {
  it('returns the task state', async () => {
    const { send, herder } = testClient();
    const res = await send('GET', '/connectors/s1/tasks/0/status');
    expect(res.json).toEqual({ id: 0, state: 'RUNNING', worker_id: 'lambda:8083' });
    expect(herder.taskStatus).toHaveBeenCalledWith('s1', 0);
  });

  it('answers 404 for an unknown task', async () => {
    const { send } = testClient();
    expect((await send('GET', '/connectors/s1/tasks/99/status')).json).toEqual({
      error_code: 404,
      message: 'No status found for task s1-99',
    });
  });

  it('reads the task id as Java Integer.valueOf does', async () => {
    const { send, herder } = testClient();
    await send('GET', '/connectors/s1/tasks/+007/status');
    expect(herder.taskStatus).toHaveBeenCalledWith('s1', 7);
  });

  it.each(['x', '1.0', '2147483648', '0x1'])('answers 404 without asking the herder for task id %s', async (id) => {
    const { send, herder } = testClient();
    const res = await send('GET', `/connectors/s1/tasks/${id}/status`);
    expect(res.json).toEqual({ error_code: 404, message: 'HTTP 404 Not Found' });
    expect(herder.taskStatus).not.toHaveBeenCalled();
  });
});
