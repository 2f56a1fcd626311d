/**
 * Automatic recovery of failed tasks: a task runner that marked a task FAILED hands the failure here.
 * A retriable failure (ConnectError.retriable: broker unreachable, throttling, a lost database
 * connection) under a `retriable` policy starts an automatic restart execution after a backoff; any
 * other failure (bad config, a poison record with `errors.tolerance=none`) stays FAILED.
 *
 * Attempts are counted per task in the connector's status (`task_restart_attempts`, with the time each
 * task's last automatic restart was due in `task_restart_due`), which task runners never write: a
 * requested restart, a config change, pause or resume rewrites that status and so starts counting
 * afresh. So does a task that ran for HEALTHY_RUN_MS (or `restart.backoff.max.ms`, if longer) after
 * its last automatic restart before failing again: short outages days apart must not add up to
 * `restart.max.attempts`. The task's status shows `restart_attempts` and `next_restart_at`.
 */
import { ConnectError } from '#lib/errors';
import type { Logger } from '#lib/logging/logger';
import type { ConfigStore, StatusStore } from '#lib/store/types';
import { recoveryBackoffMs, recoveryPolicy } from './recovery-policy';
import { NEXT_RESTART_FIELD, RESTART_ATTEMPTS_FIELD } from './restart-extra';
import { restartExecutionName, type RestartExecutions } from './restart-executions';
import type { PollSettings } from './restart-launcher';
import type { RestartExecutionInput } from './types';

export const TASK_ATTEMPTS_FIELD = 'task_restart_attempts';
export const TASK_RESTART_DUE_FIELD = 'task_restart_due';

/** A task that ran this long after its last automatic restart starts counting attempts afresh. */
export const HEALTHY_RUN_MS = 10 * 60_000;

export interface TaskFailure {
  connector: string;
  taskId: number;
  incarnation: string;
  /** The generation the failed task ran under. */
  generation: number;
  error: unknown;
}

export type RecoveryDecision = 'scheduled' | 'stays-failed' | 'exhausted';

export interface TaskRecovery {
  /** Called after the task's FAILED status was written. */
  taskFailed(failure: TaskFailure): Promise<RecoveryDecision>;
}

export interface TaskRecoveryDeps {
  stores: { configs: Pick<ConfigStore, 'get'>; statuses: Pick<StatusStore, 'get' | 'put'> };
  executions: RestartExecutions;
  poll: PollSettings;
  log: Logger;
  now?: () => number;
  random?: () => number;
}

export function createTaskRecovery(deps: TaskRecoveryDeps): TaskRecovery {
  return {
    async taskFailed(failure) {
      const record = await deps.stores.configs.get(failure.connector);
      if (!record || record.incarnation !== failure.incarnation || record.generation !== failure.generation || record.targetState !== 'STARTED') return 'stays-failed';
      const policy = recoveryPolicy(record.config);
      if (policy.policy === 'none' || !(failure.error instanceof ConnectError && failure.error.retriable)) return 'stays-failed';
      const statuses = await deps.stores.statuses.get(failure.connector);
      const connectorStatus = statuses.connector?.incarnation === record.incarnation ? statuses.connector : undefined;
      const counts = { ...((connectorStatus?.extra?.[TASK_ATTEMPTS_FIELD] as Record<string, number> | undefined) ?? {}) };
      const dues = { ...((connectorStatus?.extra?.[TASK_RESTART_DUE_FIELD] as Record<string, string> | undefined) ?? {}) };
      const now = deps.now?.() ?? Date.now();
      const lastDue = Date.parse(dues[String(failure.taskId)] ?? '');
      const ranHealthy = Number.isFinite(lastDue) && now - lastDue >= Math.max(HEALTHY_RUN_MS, policy.maxBackoffMs);
      const attempt = (ranHealthy ? 0 : (counts[String(failure.taskId)] ?? 0)) + 1;
      const taskStatus = statuses.tasks.find((t) => t.taskId === failure.taskId && t.incarnation === record.incarnation);
      if (attempt > policy.maxAttempts) {
        deps.log.warn(`Task ${failure.connector}-${failure.taskId} failed again after ${attempt - 1} automatic restarts; it stays FAILED`);
        return 'exhausted';
      }
      const backoffMs = recoveryBackoffMs(policy, attempt, deps.random);
      counts[String(failure.taskId)] = attempt;
      dues[String(failure.taskId)] = new Date(now + backoffMs).toISOString();
      if (connectorStatus) await deps.stores.statuses.put({ ...connectorStatus, extra: { ...connectorStatus.extra, [TASK_ATTEMPTS_FIELD]: counts, [TASK_RESTART_DUE_FIELD]: dues } });
      if (taskStatus) {
        const extra = { ...taskStatus.extra, [RESTART_ATTEMPTS_FIELD]: attempt, [NEXT_RESTART_FIELD]: new Date(now + backoffMs).toISOString() };
        await deps.stores.statuses.put({ ...taskStatus, extra });
      }
      const input: RestartExecutionInput = {
        connector: record.name,
        incarnation: record.incarnation,
        generation: record.generation,
        restartConnector: false,
        tasks: [failure.taskId],
        reason: 'automatic',
        attempt,
        backoffSeconds: Math.max(1, Math.ceil(backoffMs / 1000)),
        poll: deps.poll,
      };
      await deps.executions.start(restartExecutionName(input), input);
      deps.log.info(`Task ${failure.connector}-${failure.taskId} failed with a retriable error; automatic restart ${attempt} of ${policy.maxAttempts} in ${backoffMs} ms`);
      return 'scheduled';
    },
  };
}
