/**
 * What a failed batch does to its task (docs/sink-tasks.md, "Failures"). The batch always fails, so
 * the ESM commits nothing and delivers it again; the question is whether the task gives up:
 * - a non-retriable error (tolerance exceeded in the pipeline — whose operator already spent
 *   `errors.retry.timeout` on retriable stage errors —, a task that throws a non-retriable error
 *   from start/put/flush) fails the task at once, as in Kafka;
 * - a retriable error (RetriableError from put/flush, a store or DLQ hiccup) is retried by the ESM.
 *   Kafka retries those forever; here, with `errors.retry.timeout` > 0, the task fails once that
 *   long has passed since the first failure (kept in the task status as `retrying_since`, so it
 *   survives containers).
 * A FAILED task's mappings are disabled, so nothing after the failing record is ever skipped, and
 * the failure goes to automatic recovery (docs/restarts.md), which restarts the task after a backoff
 * when the failure was retriable. A task that gave up on a retriable error (retries exhausted: the
 * connector's own, e.g. the JDBC sink's max.retries, or `errors.retry.timeout`) failed for a
 * transient reason, so recovery is handed that retriable cause.
 */
import { ConnectError } from '#lib/errors';
import type { ConnectorRecord } from '#lib/store/types';
import { publishSinkTaskStatus } from './sink-task-status';
import type { SinkRuntimeDeps } from './types';

export const RETRYING_SINCE = 'retrying_since';

export async function onTaskFailure(deps: SinkRuntimeDeps, record: ConnectorRecord, taskId: number, workerId: string, error: unknown): Promise<'retry' | 'failed'> {
  const now = deps.clock?.now() ?? Date.now();
  if (isRetriable(error)) {
    const status = await deps.stores.statuses.getTask(record.name, taskId);
    const since = sameRun(status, record) ? Number(status?.extra?.[RETRYING_SINCE] ?? NaN) : NaN;
    const first = Number.isFinite(since) ? since : now;
    const timeout = retryTimeoutMs(record.config);
    if (timeout <= 0 || now - first < timeout) {
      if (first === now) await publishSinkTaskStatus(deps, record, taskId, workerId, 'RUNNING', { extra: { [RETRYING_SINCE]: first } });
      deps.log.warn(`Sink task ${record.name}-${taskId} failed a batch; the event source mapping retries it`, { error });
      return 'retry';
    }
  }
  deps.log.error(`Sink task ${record.name}-${taskId} failed; its event source mappings are disabled`, { error });
  await publishSinkTaskStatus(deps, record, taskId, workerId, 'FAILED', { error });
  await deps.mappings?.disable(record.name);
  await recover(deps, record, taskId, error);
  return 'failed';
}

/** Hands the failure to automatic recovery; a recovery that cannot start is logged, never thrown
 *  over the task's own failure (the task stays FAILED, as without recovery). */
async function recover(deps: SinkRuntimeDeps, record: ConnectorRecord, taskId: number, error: unknown): Promise<void> {
  if (!deps.recovery) return;
  try {
    await deps.recovery.taskFailed({ connector: record.name, taskId, incarnation: record.incarnation, generation: record.generation, error: retriableCause(error) ?? error });
  } catch (recoveryError) {
    deps.log.error(`Automatic recovery of sink task ${record.name}-${taskId} could not be started; it stays FAILED`, { error: recoveryError });
  }
}

/** The error itself when retriable, else the first retriable ConnectError in its cause chain. */
export function retriableCause(error: unknown): ConnectError | undefined {
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    if (isRetriable(current)) return current as ConnectError;
  }
  return undefined;
}

/** After a successful batch: forget an earlier retriable failure. */
export async function clearRetrying(deps: SinkRuntimeDeps, record: ConnectorRecord, taskId: number, workerId: string, retrying: boolean): Promise<void> {
  if (retrying) await publishSinkTaskStatus(deps, record, taskId, workerId, 'RUNNING');
}

function isRetriable(error: unknown): boolean {
  return error instanceof ConnectError && error.retriable;
}

function sameRun(status: { incarnation: string; generation: number } | undefined, record: ConnectorRecord): boolean {
  return status !== undefined && status.incarnation === record.incarnation && status.generation === record.generation;
}

function retryTimeoutMs(config: Readonly<Record<string, string>>): number {
  const value = Number(config['errors.retry.timeout'] ?? '0');
  return Number.isFinite(value) ? value : 0;
}
