/**
 * The task statuses a window writes: RUNNING once the task started, FAILED with the stack trace.
 * Writes are guarded by generation, so a window that lost a race with a pause, restart or config
 * change never overwrites the status the herder wrote for the newer generation.
 */
import { stackTrace } from '#lib/runtime/errors/exception-rendering';
import type { State } from '#lib/store/types';
import { now, type SourceWindow } from './window';

export async function publishTaskStatus(w: SourceWindow, state: Extract<State, 'RUNNING' | 'FAILED'>, error?: unknown): Promise<void> {
  const { record, invocation, context } = w;
  await w.deps.stores.statuses.putUnlessNewer({
    connector: invocation.connector,
    taskId: invocation.taskId,
    state,
    ...(error === undefined ? {} : { trace: stackTrace(error) }),
    workerId: context.workerId,
    incarnation: record.incarnation,
    generation: record.generation,
    updatedAt: new Date(now(w)).toISOString(),
  });
}
