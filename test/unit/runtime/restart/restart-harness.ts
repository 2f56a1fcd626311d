/**
 * A herder whose restarts run through the real restart state machine on aws-local-stepfunctions, over
 * in-memory stores. The work enabler stands in for the task runners: it reports each re-enabled task
 * as `taskOutcome` says (RUNNING by default), or throws `enableError`.
 */
import { createRestartLauncher } from '#lib/runtime/restart/restart-launcher';
import { createLocalRestartExecutions, type LocalRestartExecutions } from '#lib/runtime/restart/local-restart-executions';
import type { RestartStepDeps } from '#lib/runtime/restart/restart-steps';
import type { WorkEnabler } from '#lib/runtime/restart/work-enabler';
import type { State } from '#lib/store/types';
import { createTestHerder, silentLog, type TestHerder } from '#test/unit/herder/herder-harness';

export interface RestartHarness extends TestHerder {
  local: LocalRestartExecutions;
  enabled: { connector: string; generation: number; tasks: number[] }[];
  /** What the stand-in runners report per task id after a re-enable; undefined: they report nothing. */
  taskOutcome: (taskId: number) => Extract<State, 'RUNNING' | 'FAILED'> | undefined;
  enableErrors: Error[];
  steps: RestartStepDeps;
}

export function createRestartHarness(options: { maxPolls?: number; backoffMs?: number } = {}): RestartHarness {
  const t = createTestHerder();
  const harness = { ...t, enabled: [], enableErrors: [], taskOutcome: () => 'RUNNING' } as unknown as RestartHarness;
  const work: WorkEnabler = {
    async reEnable({ record, tasks }) {
      const error = harness.enableErrors.shift();
      if (error) throw error;
      harness.enabled.push({ connector: record.name, generation: record.generation, tasks });
      for (const taskId of tasks) {
        const state = harness.taskOutcome(taskId);
        if (!state) continue;
        await t.stores.statuses.put({ connector: record.name, taskId, state, workerId: 'runner-1', incarnation: record.incarnation, generation: record.generation, updatedAt: new Date().toISOString(), ...(state === 'FAILED' ? { trace: 'task failed again' } : {}) });
      }
    },
  };
  harness.steps = { herder: t.deps, work };
  harness.local = createLocalRestartExecutions({ steps: harness.steps, log: silentLog, waitOverridesMs: { Backoff: options.backoffMs ?? 1, WaitForTasks: 1 }, retryIntervalMs: 1 });
  t.deps.restarts = createRestartLauncher({ executions: harness.local, statuses: t.stores.statuses, poll: { waitSeconds: 1, maxPolls: options.maxPolls ?? 3 }, log: silentLog });
  return harness;
}
