/**
 * The source runtime of standalone mode: windows run in this process through the in-process
 * invoker, each with a fresh invocation id and the worker's id in its `worker_id`. Closing aborts
 * the running windows' signal (each ends after its current batch and commits) and waits for them.
 */
import { createInProcessTaskInvoker, type InProcessTaskInvoker } from './in-process-task-invoker';
import { createSourceRuntime, type SourceRuntime } from './source-runtime';
import type { SourceWindowDeps } from './types';

/** An in-process window may poll as long as a Lambda invocation could live. */
export const IN_PROCESS_INVOCATION_MS = 15 * 60_000;

export interface InProcessSourceRuntime {
  runtime: SourceRuntime;
  invoker: InProcessTaskInvoker;
  close(): Promise<void>;
}

export interface InProcessOptions {
  /** Prefix of every window's worker id, e.g. the worker's `host:port`. */
  workerId: string;
  invocationTimeMs?: number;
}

export function createInProcessSourceRuntime(deps: SourceWindowDeps, options: InProcessOptions): InProcessSourceRuntime {
  const shutdown = new AbortController();
  const remainingTimeMs = options.invocationTimeMs ?? IN_PROCESS_INVOCATION_MS;
  const invoker = createInProcessTaskInvoker(
    (invocation, invocationId) => runtime.runTask(invocation, { invocationId, workerId: `${options.workerId}/${invocationId}`, remainingTimeMs, signal: shutdown.signal }),
    deps.log,
  );
  const runtime = createSourceRuntime({ ...deps, invoker });
  return {
    runtime,
    invoker,
    async close() {
      shutdown.abort();
      await invoker.close();
    },
  };
}
