import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#lib/errors';
import { createTestHerder, sinkConfig, storedRecord, writeRunnerStatus } from './herder-harness';

describe('connectorStatus', () => {
  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    const attempt = herder.connectorStatus('nope');

    await expect(attempt).rejects.toThrow(NotFoundError);
    await expect(attempt).rejects.toThrow('No status found for connector nope');
  });

  it('answers a connector whose status has not been written yet with 404', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());
    await t.stores.statuses.deleteAll('c');

    await expect(t.herder.connectorStatus('c')).rejects.toThrow('No status found for connector c');
  });

  it('shows the task states the runners wrote', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());

    await writeRunnerStatus(t, 'c', { taskId: 0, state: 'RUNNING' });

    expect((await t.herder.connectorStatus('c')).tasks).toEqual([{ id: 0, state: 'RUNNING', worker_id: 'runner-1' }]);
  });

  it('shows a task’s trace and extra fields', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());

    await writeRunnerStatus(t, 'c', { taskId: 0, state: 'FAILED', trace: 'java.lang.Error: x', extra: { attempts: 3 } });

    expect((await t.herder.connectorStatus('c')).tasks).toEqual([{ id: 0, state: 'FAILED', worker_id: 'runner-1', trace: 'java.lang.Error: x', attempts: 3 }]);
  });

  it('reports the type of an uninstalled connector class as unknown', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());
    await t.stores.configs.update('c', { config: { ...sinkConfig(), 'connector.class': 'com.example.Gone' } });

    expect((await t.herder.connectorStatus('c')).type).toBe('unknown');
  });

  it('ignores a stale connector status of a deleted namesake', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());
    const oldIncarnation = (await storedRecord(t, 'c')).incarnation;
    await t.herder.deleteConnector('c');
    await t.herder.createConnector('c', sinkConfig());

    await writeRunnerStatus(t, 'c', { state: 'FAILED', incarnation: oldIncarnation });

    await expect(t.herder.connectorStatus('c')).rejects.toThrow('No status found for connector c');
  });

  it('ignores a stale task status of a deleted namesake', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());
    const oldIncarnation = (await storedRecord(t, 'c')).incarnation;
    await t.herder.deleteConnector('c');
    await t.herder.createConnector('c', sinkConfig());

    await writeRunnerStatus(t, 'c', { taskId: 0, state: 'FAILED', incarnation: oldIncarnation });

    expect((await t.herder.connectorStatus('c')).tasks).toEqual([]);
  });

  it('ignores the status of a task beyond a reduced tasks.max', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig({ 'tasks.max': '3' }));
    await t.herder.putConnectorConfig('c', sinkConfig({ 'tasks.max': '1' }));

    await writeRunnerStatus(t, 'c', { taskId: 2, state: 'RUNNING' });

    expect((await t.herder.connectorStatus('c')).tasks.map((task) => task.id)).toEqual([0]);
  });
});

describe('taskStatus', () => {
  it('shows the task’s state', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());

    await writeRunnerStatus(t, 'c', { taskId: 0, state: 'RUNNING' });

    expect(await t.herder.taskStatus('c', 0)).toEqual({ id: 0, state: 'RUNNING', worker_id: 'runner-1' });
  });

  it('answers a task id beyond the task configs with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    const attempt = herder.taskStatus('c', 1);

    await expect(attempt).rejects.toThrow(NotFoundError);
    await expect(attempt).rejects.toThrow('No status found for task c-1');
  });

  it('answers a negative task id with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    const attempt = herder.taskStatus('c', -1);

    await expect(attempt).rejects.toThrow(NotFoundError);
    await expect(attempt).rejects.toThrow('No status found for task c--1');
  });

  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    await expect(herder.taskStatus('nope', 0)).rejects.toThrow('No status found for task nope-0');
  });

  it('ignores a stale task status of a deleted namesake', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());
    const oldIncarnation = (await storedRecord(t, 'c')).incarnation;
    await t.herder.deleteConnector('c');
    await t.herder.createConnector('c', sinkConfig());

    await writeRunnerStatus(t, 'c', { taskId: 0, state: 'FAILED', incarnation: oldIncarnation });

    await expect(t.herder.taskStatus('c', 0)).rejects.toThrow('No status found for task c-0');
  });

  it('ignores the status of a task beyond a reduced tasks.max', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig({ 'tasks.max': '3' }));
    await t.herder.putConnectorConfig('c', sinkConfig({ 'tasks.max': '1' }));

    await writeRunnerStatus(t, 'c', { taskId: 2, state: 'RUNNING' });

    await expect(t.herder.taskStatus('c', 2)).rejects.toThrow('No status found for task c-2');
  });
});
