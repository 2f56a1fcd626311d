/**
 * Task statuses written by sink batches: RUNNING (with `retrying_since` while retriable failures
 * are retried by the ESM), FAILED with the trace. Guarded by generation like the source windows'.
 */
import { stackTrace } from '#lib/runtime/errors/exception-rendering';
import type { ConnectorRecord, State, StatusRecord } from '#lib/store/types';
import type { SinkRuntimeDeps } from './types';

export async function publishSinkTaskStatus(
  deps: SinkRuntimeDeps,
  record: ConnectorRecord,
  taskId: number,
  workerId: string,
  state: Extract<State, 'RUNNING' | 'FAILED'>,
  options: { error?: unknown; extra?: Record<string, unknown> } = {},
): Promise<void> {
  const status: StatusRecord = {
    connector: record.name,
    taskId,
    state,
    ...(options.error === undefined ? {} : { trace: stackTrace(options.error) }),
    workerId,
    incarnation: record.incarnation,
    generation: record.generation,
    updatedAt: new Date(deps.clock?.now() ?? Date.now()).toISOString(),
    ...(options.extra ? { extra: options.extra } : {}),
  };
  await deps.stores.statuses.putUnlessNewer(status);
}
