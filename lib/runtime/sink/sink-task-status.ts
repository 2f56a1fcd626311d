/**
 * Task statuses of sink tasks, all guarded by incarnation and generation like the source windows':
 * - written by sink batches: RUNNING (with `retrying_since` while retriable failures are retried by
 *   the ESM), FAILED with the trace;
 * - written once the connector's event source mappings are enabled for its current generation
 *   (`publishStartedSinkTasks`): RUNNING, as a Kafka sink task is once started, records or not. That
 *   write never replaces what a batch reported for the same generation (RUNNING, FAILED), nor a
 *   RESTARTING unless the restart itself enabled the work.
 */
import { stackTrace } from '#lib/runtime/errors/exception-rendering';
import type { ConnectorRecord, GuardedStatusStore, State, StatusRecord, StatusStore } from '#lib/store/types';
import type { SinkRuntimeDeps } from './types';

type SinkTaskState = Extract<State, 'RUNNING' | 'FAILED'>;

export function sinkTaskStatus(
  record: ConnectorRecord,
  taskId: number,
  workerId: string,
  state: SinkTaskState,
  now: number,
  options: { error?: unknown; extra?: Record<string, unknown> } = {},
): StatusRecord {
  return {
    connector: record.name,
    taskId,
    state,
    ...(options.error === undefined ? {} : { trace: stackTrace(options.error) }),
    workerId,
    incarnation: record.incarnation,
    generation: record.generation,
    updatedAt: new Date(now).toISOString(),
    ...(options.extra ? { extra: options.extra } : {}),
  };
}

export async function publishSinkTaskStatus(
  deps: SinkRuntimeDeps,
  record: ConnectorRecord,
  taskId: number,
  workerId: string,
  state: SinkTaskState,
  options: { error?: unknown; extra?: Record<string, unknown> } = {},
): Promise<void> {
  await deps.stores.statuses.putUnlessNewer(sinkTaskStatus(record, taskId, workerId, state, deps.clock?.now() ?? Date.now(), options));
}

export interface StartedSinkTasksDeps {
  statuses: StatusStore & GuardedStatusStore;
  clock?: { now(): number };
}

/**
 * After the connector's mappings were made to match `record` (STARTED, with tasks): every task is
 * RUNNING under `workerId` (the mappings' alias-qualified function), unless a task of this generation
 * is FAILED (its mappings are disabled: nothing runs). `overwriteRestarting`: the restart execution
 * enabled the work, so its RESTARTING statuses are now RUNNING; otherwise a restart in flight keeps
 * them. Returns the task ids written.
 */
export async function publishStartedSinkTasks(deps: StartedSinkTasksDeps, record: ConnectorRecord, workerId: string, options: { overwriteRestarting: boolean }): Promise<number[]> {
  if (record.targetState !== 'STARTED' || record.taskConfigs.length === 0) return [];
  const { tasks } = await deps.statuses.get(record.name);
  if (tasks.some((s) => s.state === 'FAILED' && s.incarnation === record.incarnation && s.generation === record.generation)) return [];
  const keep: State[] = options.overwriteRestarting ? ['RUNNING', 'FAILED'] : ['RUNNING', 'FAILED', 'RESTARTING'];
  const now = deps.clock?.now() ?? Date.now();
  const written = await Promise.all(
    record.taskConfigs.map(async (_, taskId) => ((await deps.statuses.putUnlessNewer(sinkTaskStatus(record, taskId, workerId, 'RUNNING', now), { keep })) ? [taskId] : [])),
  );
  return written.flat();
}
