/**
 * Every transition of the restart state machine, run by aws-local-stepfunctions from the same
 * definition the CDK app deploys, with the real step handlers over in-memory stores.
 */
import { describe, expect, it } from 'vitest';
import { RetriableError } from '#lib/errors';
import { restartExecutionName } from '#lib/runtime/restart/restart-executions';
import type { RestartExecutionInput } from '#lib/runtime/restart/types';
import { TEST_SINK, writeRunnerStatus } from '#test/unit/herder/herder-harness';
import { createRestartHarness, type RestartHarness } from './restart-harness';

const CONFIG = { 'connector.class': TEST_SINK, topics: 't1', 'tasks.max': '2' };
const HAPPY_PATH = ['Backoff?', 'MarkRestarting', 'Fence', 'RestartConnector', 'ReEnableWork', 'WaitForTasks', 'CheckTasks', 'TasksSettled?', 'RecordOutcome', 'Restarted'];

async function runningConnector(h: RestartHarness, failedTask = false): Promise<void> {
  await h.herder.createConnector('c', CONFIG);
  await writeRunnerStatus(h, 'c', { taskId: 0, state: 'RUNNING' });
  await writeRunnerStatus(h, 'c', { taskId: 1, state: failedTask ? 'FAILED' : 'RUNNING', ...(failedTask ? { trace: 'boom' } : {}) });
}

async function restartAll(h: RestartHarness) {
  const plan = await h.herder.restartConnector('c', { includeTasks: true, onlyFailed: false });
  await h.local.settled();
  return plan;
}

function onlyExecution(h: RestartHarness) {
  const executions = h.local.executions();
  expect(executions).toHaveLength(1);
  return executions[0] as (typeof executions)[number];
}

describe('the restart state machine, run locally', () => {
  it('goes Backoff? → MarkRestarting → Fence → RestartConnector → ReEnableWork → WaitForTasks → CheckTasks → TasksSettled? → RecordOutcome → Restarted', async () => {
    const h = createRestartHarness();
    await runningConnector(h);

    await restartAll(h);

    expect(onlyExecution(h)).toMatchObject({ status: 'SUCCEEDED', path: HAPPY_PATH, output: { outcome: { running: [0, 1], failed: [], pending: [] } } });
  });

  it('answers with the RESTARTING plan while the execution leaves every restarted instance RUNNING', async () => {
    const h = createRestartHarness();
    await runningConnector(h);

    const plan = await restartAll(h);

    expect(plan).toMatchObject({ connector: { state: 'RESTARTING' }, tasks: [{ id: 0, state: 'RESTARTING' }, { id: 1, state: 'RESTARTING' }] });
    expect(await h.herder.connectorStatus('c')).toMatchObject({ connector: { state: 'RUNNING' }, tasks: [{ id: 0, state: 'RUNNING' }, { id: 1, state: 'RUNNING' }] });
  });

  it('marks the planned instances RESTARTING before it fences', async () => {
    const h = createRestartHarness();
    await runningConnector(h);
    const generation = (await h.stores.configs.get('c'))?.generation;
    const written: string[] = [];
    const putMany = h.stores.statuses.putMany.bind(h.stores.statuses);
    h.stores.statuses.putMany = async (list) => {
      list.forEach((s) => written.push(`${s.taskId ?? 'connector'} ${s.state} g${s.generation - (generation ?? 0)}`));
      return putMany(list);
    };

    await restartAll(h);

    expect(written.slice(0, 3)).toEqual(['connector RESTARTING g0', '0 RESTARTING g0', '1 RESTARTING g0']);
  });

  it('fences running invocations by bumping the generation, and re-enables the tasks under it', async () => {
    const h = createRestartHarness();
    await runningConnector(h);
    const before = (await h.stores.configs.get('c'))?.generation ?? 0;

    await restartAll(h);

    const after = (await h.stores.configs.get('c'))?.generation ?? 0;
    expect(after).toBeGreaterThan(before);
    expect(h.enabled).toEqual([{ connector: 'c', generation: after, tasks: [0, 1] }]);
  });

  it('regenerates the task configs, so a change of the task list takes effect', async () => {
    const h = createRestartHarness();
    await runningConnector(h);
    h.behaviour.taskCount = () => 1;

    await restartAll(h);

    expect(await h.herder.taskConfigs('c')).toHaveLength(1);
    expect(h.enabled[0]?.tasks).toEqual([0]);
    expect((await h.herder.connectorStatus('c')).tasks).toHaveLength(1);
  });

  it('restarts only the failed task with onlyFailed, leaving the connector as it was', async () => {
    const h = createRestartHarness();
    await runningConnector(h, true);

    await h.herder.restartConnector('c', { includeTasks: true, onlyFailed: true });
    await h.local.settled();

    expect(h.enabled[0]?.tasks).toEqual([1]);
    expect(await h.herder.connectorStatus('c')).toMatchObject({ connector: { state: 'RUNNING' }, tasks: [{ state: 'RUNNING' }, { state: 'RUNNING' }] });
  });

  it('loops TasksSettled? → WaitForTasks until the tasks report', async () => {
    const h = createRestartHarness({ maxPolls: 5 });
    await runningConnector(h);
    h.taskOutcome = () => undefined;
    let checks = 0;
    const check = h.stores.statuses.get.bind(h.stores.statuses);
    h.stores.statuses.get = async (name) => {
      if (++checks === 4) await writeRunnerStatus(h, 'c', { taskId: 0, state: 'RUNNING', generation: (await h.stores.configs.get('c'))?.generation ?? 0 });
      if (checks === 4) await writeRunnerStatus(h, 'c', { taskId: 1, state: 'RUNNING', generation: (await h.stores.configs.get('c'))?.generation ?? 0 });
      return check(name);
    };

    await restartAll(h);

    const path = onlyExecution(h).path;
    expect(path.filter((s) => s === 'CheckTasks').length).toBeGreaterThan(1);
    expect(path.slice(-2)).toEqual(['RecordOutcome', 'Restarted']);
  });

  it('goes TasksSettled? → RecordOutcome when the tasks never report within maxPolls', async () => {
    const h = createRestartHarness({ maxPolls: 3 });
    await runningConnector(h);
    h.taskOutcome = () => undefined;

    await restartAll(h);

    const execution = onlyExecution(h);
    expect(execution.path.filter((s) => s === 'CheckTasks')).toHaveLength(3);
    expect(execution.output).toMatchObject({ outcome: { pending: [0, 1] } });
  });

  it('reports tasks that never reported as UNASSIGNED, not as still RESTARTING', async () => {
    const h = createRestartHarness({ maxPolls: 2 });
    await runningConnector(h);
    h.taskOutcome = () => undefined;

    await restartAll(h);

    expect((await h.herder.connectorStatus('c')).tasks.map((t) => [t.state, t.worker_id])).toEqual([
      ['UNASSIGNED', null],
      ['UNASSIGNED', null],
    ]);
  });

  it('records a task that failed again as FAILED, and does not restart it', async () => {
    const h = createRestartHarness();
    await runningConnector(h);
    h.taskOutcome = (id) => (id === 1 ? 'FAILED' : 'RUNNING');

    await restartAll(h);

    expect(onlyExecution(h).output).toMatchObject({ outcome: { running: [0], failed: [1] } });
    expect((await h.herder.taskStatus('c', 1)).state).toBe('FAILED');
  });

  it('records a connector whose start fails as FAILED, with no task to await', async () => {
    const h = createRestartHarness();
    await runningConnector(h);
    h.behaviour.startError = new Error('cannot start');

    await restartAll(h);

    expect(onlyExecution(h)).toMatchObject({ status: 'SUCCEEDED', output: { outcome: { connectorFailed: true, running: [] } } });
    expect((await h.herder.connectorStatus('c')).connector).toMatchObject({ state: 'FAILED', trace: expect.stringContaining('cannot start') });
    expect(h.enabled).toEqual([]);
  });

  it('retries a step that failed with a retriable error', async () => {
    const h = createRestartHarness();
    await runningConnector(h);
    h.enableErrors.push(new RetriableError('throttled'));

    await restartAll(h);

    expect(onlyExecution(h)).toMatchObject({ status: 'SUCCEEDED', path: HAPPY_PATH });
    expect(h.enabled).toHaveLength(1);
  });

  it('goes to RecordFailure → RestartFailed when a step fails for good, leaving nothing RESTARTING', async () => {
    const h = createRestartHarness();
    await runningConnector(h);
    h.enableErrors.push(new Error('no permission'));

    await restartAll(h);

    const execution = onlyExecution(h);
    expect(execution.status).toBe('FAILED');
    expect(execution.path.slice(-3)).toEqual(['ReEnableWork', 'RecordFailure', 'RestartFailed']);
    const status = await h.herder.connectorStatus('c');
    expect(status.tasks.map((t) => [t.state, t.trace])).toEqual([
      ['FAILED', expect.stringContaining('no permission')],
      ['FAILED', expect.stringContaining('no permission')],
    ]);
  });

  it('ends as Superseded when the connector changed since the restart was planned', async () => {
    const h = createRestartHarness();
    await runningConnector(h);
    const record = await h.stores.configs.get('c');
    const input: RestartExecutionInput = { connector: 'c', incarnation: record?.incarnation ?? '', generation: (record?.generation ?? 0) - 1, restartConnector: true, tasks: [0], reason: 'requested', backoffSeconds: 0, poll: { waitSeconds: 1, maxPolls: 1 } };

    await h.local.start(restartExecutionName(input), input);
    await h.local.settled();

    expect(onlyExecution(h)).toMatchObject({ status: 'SUCCEEDED', path: ['Backoff?', 'MarkRestarting', 'Superseded'] });
    expect((await h.herder.connectorStatus('c')).tasks.map((t) => t.state)).toEqual(['RUNNING', 'RUNNING']);
  });

  it('ends as Superseded when the connector is deleted mid-restart', async () => {
    const h = createRestartHarness();
    await runningConnector(h);
    h.enableErrors.push(new RetriableError('slow'));
    const enable = h.steps.work.reEnable.bind(h.steps.work);
    h.steps.work.reEnable = async (work) => {
      await h.herder.deleteConnector('c');
      return enable(work);
    };

    await restartAll(h);

    expect(onlyExecution(h).path.slice(-2)).toEqual(['ReEnableWork', 'Superseded']);
  });

  it('ends as Superseded when the connector is deleted while a step writes its record (a DELETE right after the restart)', async () => {
    const h = createRestartHarness();
    await runningConnector(h);
    const update = h.stores.configs.update.bind(h.stores.configs);
    let deleted = false;
    h.stores.configs.update = async (...args) => {
      if (!deleted) {
        deleted = true;
        await h.herder.deleteConnector('c');
      }
      return update(...args);
    };

    await restartAll(h);

    expect(onlyExecution(h)).toMatchObject({ status: 'SUCCEEDED', path: ['Backoff?', 'MarkRestarting', 'Fence', 'Superseded'] });
    await expect(h.herder.connectorStatus('c')).rejects.toThrow('No status found for connector c');
  });

  it('waits in Backoff before an automatic restart', async () => {
    const h = createRestartHarness();
    await runningConnector(h, true);
    const record = await h.stores.configs.get('c');
    const input: RestartExecutionInput = { connector: 'c', incarnation: record?.incarnation ?? '', generation: record?.generation ?? 0, restartConnector: false, tasks: [1], reason: 'automatic', attempt: 2, backoffSeconds: 5, poll: { waitSeconds: 1, maxPolls: 2 } };

    await h.local.start(restartExecutionName(input), input);
    await h.local.settled();

    expect(onlyExecution(h).path.slice(0, 3)).toEqual(['Backoff?', 'Backoff', 'MarkRestarting']);
    expect((await h.herder.taskStatus('c', 1)).state).toBe('RUNNING');
  });
});

describe('concurrent restart requests', () => {
  it('start one execution for 20 requests at once', async () => {
    const h = createRestartHarness();
    await runningConnector(h);

    const plans = await Promise.all(Array.from({ length: 20 }, () => h.herder.restartConnector('c', { includeTasks: true, onlyFailed: false })));
    await h.local.settled();

    expect(plans.every((p) => p?.connector.state === 'RESTARTING')).toBe(true);
    expect(h.local.executions()).toHaveLength(1);
    expect(h.enabled).toHaveLength(1);
  });
});
