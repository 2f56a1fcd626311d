import { describe, expect, it } from 'vitest';
import { publishStartedSinkTasks } from '#lib/runtime/sink/sink-task-status';
import { createMemoryStatusStore } from '#lib/store/memory/memory-status-store';
import type { ConnectorRecord, StatusRecord } from '#lib/store/types';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const WORKER = 'sink-task:lc-abc';

function recordOf(overrides: Partial<ConnectorRecord> = {}): ConnectorRecord {
  return {
    name: 'orders',
    config: { 'connector.class': 'FileStreamSink', topics: 'orders' },
    targetState: 'STARTED',
    taskConfigs: [{}, {}],
    version: 3,
    generation: 4,
    incarnation: 'inc-1',
    createdAt: '2026-11-21T11:00:00.000Z',
    updatedAt: '2026-11-21T11:00:00.000Z',
    ...overrides,
  };
}

function taskStatus(taskId: number, overrides: Partial<StatusRecord> = {}): StatusRecord {
  return { connector: 'orders', taskId, state: 'UNASSIGNED', workerId: null, incarnation: 'inc-1', generation: 4, updatedAt: '2026-11-21T11:00:00.000Z', ...overrides };
}

function setup(stored: StatusRecord[] = []) {
  const statuses = createMemoryStatusStore();
  const deps = { statuses, clock: { now: () => NOW } };
  const states = async () => (await statuses.get('orders')).tasks.map((t) => [t.taskId, t.state, t.workerId, t.generation]);
  return { deps, statuses, states, ready: statuses.putMany(stored) };
}

describe('publishStartedSinkTasks', () => {
  it('writes every task of a STARTED connector RUNNING under the given worker at the record’s generation', async () => {
    const { deps, states, ready } = setup([taskStatus(0), taskStatus(1)]);
    await ready;
    expect(await publishStartedSinkTasks(deps, recordOf(), WORKER, { overwriteRestarting: false })).toEqual([0, 1]);
    expect(await states()).toEqual([[0, 'RUNNING', WORKER, 4], [1, 'RUNNING', WORKER, 4]]);
  });

  it.each(['PAUSED', 'STOPPED'] as const)('writes nothing for a %s connector', async (targetState) => {
    const { deps, states, ready } = setup([taskStatus(0, { state: 'PAUSED' })]);
    await ready;
    expect(await publishStartedSinkTasks(deps, recordOf({ targetState }), WORKER, { overwriteRestarting: true })).toEqual([]);
    expect(await states()).toEqual([[0, 'PAUSED', null, 4]]);
  });

  it('writes nothing while a task of the current generation is FAILED (its mappings are disabled)', async () => {
    const { deps, states, ready } = setup([taskStatus(0, { state: 'FAILED', trace: 'boom', workerId: 'f/1' }), taskStatus(1)]);
    await ready;
    expect(await publishStartedSinkTasks(deps, recordOf(), WORKER, { overwriteRestarting: true })).toEqual([]);
    expect(await states()).toEqual([[0, 'FAILED', 'f/1', 4], [1, 'UNASSIGNED', null, 4]]);
  });

  it('replaces a FAILED status of an older generation', async () => {
    const { deps, states, ready } = setup([taskStatus(0, { state: 'FAILED', trace: 'boom', generation: 3 }), taskStatus(1, { generation: 3 })]);
    await ready;
    await publishStartedSinkTasks(deps, recordOf(), WORKER, { overwriteRestarting: false });
    expect(await states()).toEqual([[0, 'RUNNING', WORKER, 4], [1, 'RUNNING', WORKER, 4]]);
  });

  it('keeps the RUNNING a batch wrote for the same generation, with its extra fields', async () => {
    const batch = taskStatus(1, { state: 'RUNNING', workerId: 'sink-task/req-1', extra: { retrying_since: 1 } });
    const { deps, statuses, ready } = setup([taskStatus(0), batch]);
    await ready;
    expect(await publishStartedSinkTasks(deps, recordOf(), WORKER, { overwriteRestarting: true })).toEqual([0]);
    expect(await statuses.getTask('orders', 1)).toEqual(batch);
  });

  it('leaves a restart’s RESTARTING alone after a herder change, and ends it for the restart itself', async () => {
    const { deps, states, ready } = setup([taskStatus(0, { state: 'RESTARTING', workerId: 'w' }), taskStatus(1, { state: 'RESTARTING', workerId: 'w' })]);
    await ready;
    expect(await publishStartedSinkTasks(deps, recordOf(), WORKER, { overwriteRestarting: false })).toEqual([]);
    expect(await publishStartedSinkTasks(deps, recordOf(), WORKER, { overwriteRestarting: true })).toEqual([0, 1]);
    expect(await states()).toEqual([[0, 'RUNNING', WORKER, 4], [1, 'RUNNING', WORKER, 4]]);
  });

  it('never writes over a status of a newer generation', async () => {
    const { deps, states, ready } = setup([taskStatus(0, { state: 'PAUSED', generation: 5 })]);
    await ready;
    expect(await publishStartedSinkTasks(deps, recordOf({ taskConfigs: [{}] }), WORKER, { overwriteRestarting: true })).toEqual([]);
    expect(await states()).toEqual([[0, 'PAUSED', null, 5]]);
  });
});
