/**
 * The source runtime as the composition root hands it to the adapters: the source-task function's
 * entry (`runTask`) and the dispatcher's (`dispatch`), over one set of dependencies.
 */
import { dispatchSourceTasks, type DispatchSummary } from './dispatch';
import { parseSourceTaskInvocation } from './invocation-event';
import { runSourceWindow } from './run-source-window';
import type { TaskInvoker } from './task-invoker';
import type { InvocationContext, SourceWindowDeps, SourceWindowSummary } from './types';

export interface SourceRuntime {
  /** Validates the event (`{ connector, taskId, generation }`) and runs one window. */
  runTask(event: unknown, context: InvocationContext): Promise<SourceWindowSummary>;
  dispatch(): Promise<DispatchSummary>;
}

export type SourceRuntimeDeps = SourceWindowDeps & { invoker: TaskInvoker };

export function createSourceRuntime(deps: SourceRuntimeDeps): SourceRuntime {
  return {
    runTask: async (event, context) => runSourceWindow(deps, parseSourceTaskInvocation(event), context),
    dispatch: async () => dispatchSourceTasks({ stores: deps.stores, registry: deps.registry, invoker: deps.invoker, ...(deps.log ? { log: deps.log } : {}) }),
  };
}
