import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#lib/errors';
import { createTestHerder, sinkConfig, storedRecord, TEST_SINK, WORKER_ID, writeRunnerStatus, type TestHerder } from './herder-harness';

const TEST_CONFIG = { 'connector.class': TEST_SINK, topics: 't1', 'tasks.max': '2' };

/** A running connector with two tasks that runners report RUNNING; task 1 FAILED when asked. */
async function runningWithTasks(t: TestHerder, options: { failedTask?: boolean } = {}): Promise<void> {
  await t.herder.createConnector('c', TEST_CONFIG);
  await writeRunnerStatus(t, 'c', { taskId: 0, state: 'RUNNING' });
  await writeRunnerStatus(t, 'c', { taskId: 1, state: options.failedTask ? 'FAILED' : 'RUNNING', ...(options.failedTask ? { trace: 'task trace' } : {}) });
}

/** A connector whose start failed, so it is FAILED without tasks. */
async function failedConnector(t: TestHerder): Promise<void> {
  t.behaviour.startError = new Error('boom');
  await t.herder.createConnector('c', TEST_CONFIG);
}

describe('restartConnector without includeTasks or onlyFailed (the legacy form)', () => {
  it('returns no plan, for a 204', async () => {
    const t = createTestHerder();
    await runningWithTasks(t);

    expect(await t.herder.restartConnector('c', { includeTasks: false, onlyFailed: false })).toBeUndefined();
  });

  it('restarts a FAILED connector whose start now succeeds', async () => {
    const t = createTestHerder();
    await failedConnector(t);
    t.behaviour.startError = undefined;

    await t.herder.restartConnector('c', { includeTasks: false, onlyFailed: false });

    expect(await t.herder.connectorStatus('c')).toMatchObject({ connector: { state: 'RUNNING', worker_id: WORKER_ID }, tasks: [{ id: 0 }, { id: 1 }] });
  });

  it('regenerates the task configs', async () => {
    const t = createTestHerder();
    await failedConnector(t);
    t.behaviour.startError = undefined;

    await t.herder.restartConnector('c', { includeTasks: false, onlyFailed: false });

    expect(await t.herder.taskConfigs('c')).toHaveLength(2);
  });

  it('keeps a FAILED connector FAILED with a trace when its start still throws', async () => {
    const t = createTestHerder();
    await failedConnector(t);
    t.behaviour.startError = new Error('still boom');

    await t.herder.restartConnector('c', { includeTasks: false, onlyFailed: false });

    expect((await t.herder.connectorStatus('c')).connector).toMatchObject({ state: 'FAILED', trace: expect.stringContaining('still boom') });
  });

  it('leaves a stopped connector STOPPED', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig(), 'STOPPED');

    await herder.restartConnector('c', { includeTasks: false, onlyFailed: false });

    expect(await herder.connectorStatus('c')).toMatchObject({ connector: { state: 'STOPPED' }, tasks: [] });
  });

  it('bumps the generation', async () => {
    const t = createTestHerder();
    await runningWithTasks(t);

    await t.herder.restartConnector('c', { includeTasks: false, onlyFailed: false });

    expect((await storedRecord(t, 'c')).generation).toBe(2);
  });

  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    const attempt = herder.restartConnector('nope', { includeTasks: false, onlyFailed: false });

    await expect(attempt).rejects.toThrow(NotFoundError);
    await expect(attempt).rejects.toThrow('Unknown connector: nope');
  });
});

describe('restartConnector with includeTasks', () => {
  it('plans the connector and every task as RESTARTING', async () => {
    const t = createTestHerder();
    await runningWithTasks(t);

    const plan = await t.herder.restartConnector('c', { includeTasks: true, onlyFailed: false });

    expect(plan).toEqual({
      name: 'c',
      connector: { state: 'RESTARTING', worker_id: WORKER_ID },
      tasks: [
        { id: 0, state: 'RESTARTING', worker_id: 'runner-1' },
        { id: 1, state: 'RESTARTING', worker_id: 'runner-1' },
      ],
      type: 'sink',
    });
  });

  it('leaves the connector RUNNING and its tasks UNASSIGNED for the runners', async () => {
    const t = createTestHerder();
    await runningWithTasks(t);

    await t.herder.restartConnector('c', { includeTasks: true, onlyFailed: false });

    expect(await t.herder.connectorStatus('c')).toMatchObject({
      connector: { state: 'RUNNING' },
      tasks: [
        { id: 0, state: 'UNASSIGNED', worker_id: null },
        { id: 1, state: 'UNASSIGNED', worker_id: null },
      ],
    });
  });

  it('bumps the generation', async () => {
    const t = createTestHerder();
    await runningWithTasks(t);

    await t.herder.restartConnector('c', { includeTasks: true, onlyFailed: false });

    expect((await storedRecord(t, 'c')).generation).toBe(2);
  });

  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    await expect(herder.restartConnector('nope', { includeTasks: true, onlyFailed: false })).rejects.toThrow('Unknown connector: nope');
  });

  it('answers a connector without a status with Kafka’s 404 message', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());
    await t.stores.statuses.deleteAll('c');

    await expect(t.herder.restartConnector('c', { includeTasks: true, onlyFailed: false })).rejects.toThrow('Status for connector c not found');
  });
});

describe('restartConnector with onlyFailed', () => {
  it('plans a FAILED connector as RESTARTING', async () => {
    const t = createTestHerder();
    await failedConnector(t);

    const plan = await t.herder.restartConnector('c', { includeTasks: false, onlyFailed: true });

    expect(plan?.connector.state).toBe('RESTARTING');
  });

  it('restarts a FAILED connector', async () => {
    const t = createTestHerder();
    await failedConnector(t);
    t.behaviour.startError = undefined;

    await t.herder.restartConnector('c', { includeTasks: false, onlyFailed: true });

    expect((await t.herder.connectorStatus('c')).connector).toEqual({ state: 'RUNNING', worker_id: WORKER_ID });
  });

  it('never plans tasks, even FAILED ones', async () => {
    const t = createTestHerder();
    await runningWithTasks(t, { failedTask: true });

    const plan = await t.herder.restartConnector('c', { includeTasks: false, onlyFailed: true });

    expect(plan?.tasks.map((task) => task.state)).toEqual(['RUNNING', 'FAILED']);
  });

  it('plans nothing for a healthy connector', async () => {
    const t = createTestHerder();
    await runningWithTasks(t);

    const plan = await t.herder.restartConnector('c', { includeTasks: false, onlyFailed: true });

    expect(plan).toEqual(await t.herder.connectorStatus('c'));
  });

  it('writes nothing for a healthy connector', async () => {
    const t = createTestHerder();
    await runningWithTasks(t);

    await t.herder.restartConnector('c', { includeTasks: false, onlyFailed: true });

    expect((await storedRecord(t, 'c')).generation).toBe(1);
  });
});

describe('restartConnector with includeTasks and onlyFailed', () => {
  it('plans only the FAILED tasks as RESTARTING', async () => {
    const t = createTestHerder();
    await runningWithTasks(t, { failedTask: true });

    const plan = await t.herder.restartConnector('c', { includeTasks: true, onlyFailed: true });

    expect(plan).toMatchObject({
      connector: { state: 'RUNNING' },
      tasks: [
        { id: 0, state: 'RUNNING' },
        { id: 1, state: 'RESTARTING' },
      ],
    });
  });

  it('resets only the FAILED task’s status', async () => {
    const t = createTestHerder();
    await runningWithTasks(t, { failedTask: true });

    await t.herder.restartConnector('c', { includeTasks: true, onlyFailed: true });

    expect((await t.herder.connectorStatus('c')).tasks).toEqual([
      { id: 0, state: 'RUNNING', worker_id: 'runner-1' },
      { id: 1, state: 'UNASSIGNED', worker_id: null },
    ]);
  });

  it('plans a FAILED connector as RESTARTING', async () => {
    const t = createTestHerder();
    await failedConnector(t);

    const plan = await t.herder.restartConnector('c', { includeTasks: true, onlyFailed: true });

    expect(plan).toMatchObject({ connector: { state: 'RESTARTING' }, tasks: [] });
  });

  it('plans nothing for a healthy connector', async () => {
    const t = createTestHerder();
    await runningWithTasks(t);

    const plan = await t.herder.restartConnector('c', { includeTasks: true, onlyFailed: true });

    expect(JSON.stringify(plan)).not.toContain('RESTARTING');
  });

  it('bumps the generation when a task restarts', async () => {
    const t = createTestHerder();
    await runningWithTasks(t, { failedTask: true });

    await t.herder.restartConnector('c', { includeTasks: true, onlyFailed: true });

    expect((await storedRecord(t, 'c')).generation).toBe(2);
  });
});

describe('restartTask', () => {
  it('resets the task’s status to UNASSIGNED', async () => {
    const t = createTestHerder();
    await runningWithTasks(t, { failedTask: true });

    await t.herder.restartTask('c', 1);

    expect(await t.herder.taskStatus('c', 1)).toEqual({ id: 1, state: 'UNASSIGNED', worker_id: null });
  });

  it('leaves the connector and the other tasks alone', async () => {
    const t = createTestHerder();
    await runningWithTasks(t, { failedTask: true });
    const before = await t.herder.connectorStatus('c');

    await t.herder.restartTask('c', 1);

    const after = await t.herder.connectorStatus('c');
    expect([after.connector, after.tasks[0]]).toEqual([before.connector, before.tasks[0]]);
  });

  it('bumps the generation', async () => {
    const t = createTestHerder();
    await runningWithTasks(t);

    await t.herder.restartTask('c', 0);

    expect((await storedRecord(t, 'c')).generation).toBe(2);
  });

  it('answers a task id beyond the task configs with Kafka’s 404 message', async () => {
    const t = createTestHerder();
    await runningWithTasks(t);

    const attempt = t.herder.restartTask('c', 2);

    await expect(attempt).rejects.toThrow(NotFoundError);
    await expect(attempt).rejects.toThrow('Unknown task: c-2');
  });

  it('answers a negative task id with Kafka’s 404 message', async () => {
    const t = createTestHerder();
    await runningWithTasks(t);

    await expect(t.herder.restartTask('c', -1)).rejects.toThrow('Unknown task: c--1');
  });

  it('answers a task of a stopped connector as unknown', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig(), 'STOPPED');

    await expect(herder.restartTask('c', 0)).rejects.toThrow('Unknown task: c-0');
  });

  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    await expect(herder.restartTask('nope', 0)).rejects.toThrow('Unknown connector: nope');
  });
});
