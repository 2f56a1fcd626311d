import { describe, expect, it } from 'vitest';
import { publishStatus, statusForTarget } from '#lib/herder/publish-status';
import type { ConnectorRecord, TargetState } from '#lib/store/types';
import { createTestHerder, NOW, sinkConfig, storedRecord, WORKER_ID, writeRunnerStatus } from './herder-harness';

const record = (targetState: TargetState): ConnectorRecord => ({
  name: 'c',
  config: {},
  targetState,
  taskConfigs: [{}],
  version: 1,
  generation: 1,
  incarnation: 'i',
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
});

describe('statusForTarget', () => {
  it('reports a started connector RUNNING and its tasks UNASSIGNED until runners pick them up', () => {
    expect(statusForTarget(record('STARTED'))).toEqual({ connector: 'RUNNING', tasks: 'UNASSIGNED' });
  });

  it('reports a started connector that failed to start FAILED with the trace', () => {
    expect(statusForTarget(record('STARTED'), new Error('x'), 'trace')).toEqual({ connector: 'FAILED', trace: 'trace', tasks: 'UNASSIGNED' });
  });

  it('reports a paused connector and its tasks PAUSED', () => {
    expect(statusForTarget(record('PAUSED'))).toEqual({ connector: 'PAUSED', tasks: 'PAUSED' });
  });

  it('reports a stopped connector STOPPED', () => {
    expect(statusForTarget(record('STOPPED')).connector).toBe('STOPPED');
  });
});

describe('publishStatus', () => {
  it('stamps statuses with the record’s incarnation and generation, the worker id and the time', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());
    const stored = await storedRecord(t, 'c');

    await publishStatus(t.deps, stored, { connector: 'RUNNING', tasks: 'RUNNING' });

    expect((await t.stores.statuses.get('c')).connector).toEqual({
      connector: 'c',
      state: 'RUNNING',
      workerId: WORKER_ID,
      incarnation: stored.incarnation,
      generation: stored.generation,
      updatedAt: NOW.toISOString(),
    });
  });

  it('gives UNASSIGNED tasks no worker', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());

    await publishStatus(t.deps, await storedRecord(t, 'c'), { connector: 'RUNNING', tasks: 'UNASSIGNED' });

    expect((await t.stores.statuses.getTask('c', 0))?.workerId).toBeNull();
  });

  it('writes only the listed tasks and not the connector when asked', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig({ 'tasks.max': '2' }));
    await writeRunnerStatus(t, 'c', { taskId: 0, state: 'RUNNING' });

    await publishStatus(t.deps, await storedRecord(t, 'c'), { connector: 'FAILED', tasks: 'PAUSED', onlyTasks: [1], includeConnector: false });

    const statuses = await t.stores.statuses.get('c');
    expect([statuses.connector?.state, ...statuses.tasks.map((s) => s.state)]).toEqual(['RUNNING', 'RUNNING', 'PAUSED']);
  });

  it('removes the statuses of tasks the record no longer has', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());
    await writeRunnerStatus(t, 'c', { taskId: 4, state: 'RUNNING' });

    await publishStatus(t.deps, await storedRecord(t, 'c'), { connector: 'RUNNING', tasks: 'UNASSIGNED' });

    expect((await t.stores.statuses.get('c')).tasks.map((s) => s.taskId)).toEqual([0]);
  });
});
