/**
 * TaskInvoker for standalone mode: runs the same entry the source-task function runs, in this
 * process, fire-and-forget like an asynchronous Lambda invoke. Running windows are tracked so
 * shutdown can wait for them; after `close()` new invocations are refused (logged, not thrown).
 */
import { randomUUID } from 'node:crypto';
import { createLogger, type Logger } from '#lib/logging/logger';
import type { TaskInvoker } from './task-invoker';
import type { SourceTaskInvocation } from './types';

export interface InProcessTaskInvoker extends TaskInvoker {
  /** Every invocation handed over so far, in order. */
  readonly history: readonly SourceTaskInvocation[];
  /** Resolves once nothing runs, including windows that started successors while it waited. */
  idle(): Promise<void>;
  /** Refuses new invocations, then waits until the running ones ended. */
  close(): Promise<void>;
}

/** `run` gets the invocation and a fresh invocation id. */
export type InProcessRun = (invocation: SourceTaskInvocation, invocationId: string) => Promise<unknown>;

export function createInProcessTaskInvoker(run: InProcessRun, log: Logger = createLogger('lambda_connect.runtime.source.invoker')): InProcessTaskInvoker {
  const running = new Set<Promise<void>>();
  const history: SourceTaskInvocation[] = [];
  let closed = false;

  const idle = async (): Promise<void> => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };

  return {
    history,
    async invokeSourceTask(invocation) {
      if (closed) {
        log.debug(`Shutting down: not starting ${invocation.connector}-${invocation.taskId}`);
        return;
      }
      history.push({ ...invocation });
      // Started on the next turn, so the caller finishes first, as with an asynchronous invoke.
      const window: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => run({ ...invocation }, randomUUID()))
        .then(
          () => undefined,
          (error: unknown) => log.error(`Source task invocation of ${invocation.connector}-${invocation.taskId} failed`, { error }),
        )
        .finally(() => running.delete(window));
      running.add(window);
    },
    idle,
    async close() {
      closed = true;
      await idle();
    },
  };
}
