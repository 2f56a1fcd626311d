/** Automatic recovery over the real restart state machine (aws-local-stepfunctions) and memory stores. */
import { describe, expect, it } from 'vitest';
import { DataError, RetriableError } from '#lib/errors';
import { createTaskRecovery, HEALTHY_RUN_MS, type TaskRecovery } from '#lib/runtime/restart/task-recovery';
import { silentLog, TEST_SINK, writeRunnerStatus } from '#test/unit/herder/herder-harness';
import { createRestartHarness, type RestartHarness } from './restart-harness';

const NOW = Date.parse('2024-05-01T12:00:00.000Z');

async function failedTask(h: RestartHarness, config: Record<string, string> = {}): Promise<void> {
  await h.herder.createConnector('c', { 'connector.class': TEST_SINK, topics: 't1', 'tasks.max': '2', ...config });
  await writeRunnerStatus(h, 'c', { taskId: 0, state: 'RUNNING' });
  await writeRunnerStatus(h, 'c', { taskId: 1, state: 'FAILED', trace: 'broker unreachable' });
}

function recoveryOf(h: RestartHarness): TaskRecovery {
  return createTaskRecovery({ stores: h.stores, executions: h.local, poll: { waitSeconds: 1, maxPolls: 3 }, log: silentLog, now: () => NOW, random: () => 1 });
}

async function fail(h: RestartHarness, recovery: TaskRecovery, error: unknown) {
  const record = await h.stores.configs.get('c');
  return recovery.taskFailed({ connector: 'c', taskId: 1, incarnation: record?.incarnation ?? '', generation: record?.generation ?? 0, error });
}

describe('automatic recovery', () => {
  it('restarts a task that failed with a retriable error, after a backoff, until it is RUNNING', async () => {
    const h = createRestartHarness();
    await failedTask(h);

    expect(await fail(h, recoveryOf(h), new RetriableError('broker unreachable'))).toBe('scheduled');
    await h.local.settled();

    const [execution] = h.local.executions();
    expect(execution).toMatchObject({ status: 'SUCCEEDED', input: { reason: 'automatic', attempt: 1, tasks: [1], restartConnector: false, backoffSeconds: 1 } });
    expect(execution?.path.slice(0, 3)).toEqual(['Backoff?', 'Backoff', 'MarkRestarting']);
    expect((await h.herder.taskStatus('c', 1)).state).toBe('RUNNING');
  });

  it('shows the attempt count and the next attempt time in the task status', async () => {
    const h = createRestartHarness({ backoffMs: 500 });
    await failedTask(h);

    await fail(h, recoveryOf(h), new RetriableError('broker unreachable'));

    expect(await h.herder.taskStatus('c', 1)).toMatchObject({ state: 'FAILED', restart_attempts: 1, next_restart_at: '2024-05-01T12:00:01.000Z' });
    await h.local.settled();
  });

  it('counts attempts across failures and backs off longer each time', async () => {
    const h = createRestartHarness();
    await failedTask(h);
    h.taskOutcome = (id) => (id === 1 ? 'FAILED' : 'RUNNING');
    const recovery = recoveryOf(h);

    await fail(h, recovery, new RetriableError('down'));
    await h.local.settled();
    await fail(h, recovery, new RetriableError('still down'));
    await h.local.settled();

    expect(h.local.executions().map((e) => [e.input.attempt, e.input.backoffSeconds])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect((await h.herder.connectorStatus('c')).connector).toMatchObject({ task_restart_attempts: { '1': 2 } });
  });

  it('counts afresh when the task ran healthy for HEALTHY_RUN_MS after its last automatic restart', async () => {
    const h = createRestartHarness();
    await failedTask(h, { 'restart.max.attempts': '1' });
    h.taskOutcome = (id) => (id === 1 ? 'FAILED' : 'RUNNING');
    let now = NOW;
    const recovery = createTaskRecovery({ stores: h.stores, executions: h.local, poll: { waitSeconds: 1, maxPolls: 3 }, log: silentLog, now: () => now, random: () => 1 });
    await fail(h, recovery, new RetriableError('down'));
    await h.local.settled();

    now = NOW + 1_000 + HEALTHY_RUN_MS - 1;
    expect(await fail(h, recovery, new RetriableError('down again, too soon'))).toBe('exhausted');
    now = NOW + 1_000 + HEALTHY_RUN_MS;
    expect(await fail(h, recovery, new RetriableError('down a day later'))).toBe('scheduled');
    await h.local.settled();
    expect(h.local.executions().map((e) => e.input.attempt)).toEqual([1, 1]);
  });

  it('leaves a task FAILED once restart.max.attempts restarts were made', async () => {
    const h = createRestartHarness();
    await failedTask(h, { 'restart.max.attempts': '1' });
    h.taskOutcome = (id) => (id === 1 ? 'FAILED' : 'RUNNING');
    const recovery = recoveryOf(h);
    await fail(h, recovery, new RetriableError('down'));
    await h.local.settled();

    expect(await fail(h, recovery, new RetriableError('still down'))).toBe('exhausted');
    expect(h.local.executions()).toHaveLength(1);
    expect((await h.herder.taskStatus('c', 1)).state).toBe('FAILED');
  });

  it('leaves a task that failed with a non-retriable error FAILED (a poison record, a bad config)', async () => {
    const h = createRestartHarness();
    await failedTask(h);

    expect(await fail(h, recoveryOf(h), new DataError('poison record'))).toBe('stays-failed');
    expect(h.local.executions()).toHaveLength(0);
  });

  it('does nothing under restart.policy=none', async () => {
    const h = createRestartHarness();
    await failedTask(h, { 'restart.policy': 'none' });

    expect(await fail(h, recoveryOf(h), new RetriableError('down'))).toBe('stays-failed');
    expect(h.local.executions()).toHaveLength(0);
  });

  it('starts afresh after a requested restart', async () => {
    const h = createRestartHarness();
    await failedTask(h);
    h.taskOutcome = (id) => (id === 1 ? 'FAILED' : 'RUNNING');
    const recovery = recoveryOf(h);
    await fail(h, recovery, new RetriableError('down'));
    await h.local.settled();

    await h.herder.restartConnector('c', { includeTasks: true, onlyFailed: false });
    await h.local.settled();
    await fail(h, recovery, new RetriableError('down again'));
    await h.local.settled();

    expect(h.local.executions().filter((e) => e.input.reason === 'automatic').map((e) => e.input.attempt)).toEqual([1, 1]);
  });

  it('ignores a failure under a generation that was already replaced', async () => {
    const h = createRestartHarness();
    await failedTask(h);
    const record = await h.stores.configs.get('c');

    const decision = await recoveryOf(h).taskFailed({ connector: 'c', taskId: 1, incarnation: record?.incarnation ?? '', generation: (record?.generation ?? 0) - 1, error: new RetriableError('old') });

    expect(decision).toBe('stays-failed');
  });
});
