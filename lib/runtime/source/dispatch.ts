/**
 * The dispatcher (run by the EventBridge schedule, or standalone mode's timer): one task invocation
 * per task of every STARTED source connector. Invocations of tasks that are already running simply
 * find the lease taken and return, so dispatching is idempotent and needs no memory of its own.
 * FAILED tasks are left alone until the herder restarts them.
 */
import { createLogger, type Logger } from '#lib/logging/logger';
import { isSourceConnectorDescriptor } from '#lib/plugin/task-types';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import type { ConnectorRecord, Stores } from '#lib/store/types';
import type { TaskInvoker } from './task-invoker';
import type { SourceTaskInvocation } from './types';

/** Invocations handed over at once; the rest wait for a free slot. */
const MAX_PARALLEL_INVOKES = 16;

export interface DispatchDeps {
  stores: Pick<Stores, 'configs' | 'statuses'>;
  registry: PluginRegistry;
  invoker: TaskInvoker;
  log?: Logger;
}

export interface DispatchSummary {
  invoked: SourceTaskInvocation[];
  failed: Array<SourceTaskInvocation & { error: string }>;
}

export async function dispatchSourceTasks(deps: DispatchDeps): Promise<DispatchSummary> {
  const log = deps.log ?? createLogger('lambda_connect.runtime.source.dispatch');
  const invocations: SourceTaskInvocation[] = [];
  for (const record of await deps.stores.configs.list()) {
    if (record.targetState !== 'STARTED' || !isSource(deps.registry, record)) continue;
    invocations.push(...(await runnableTasks(deps, record)));
  }
  const summary: DispatchSummary = { invoked: [], failed: [] };
  const queue = [...invocations];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      try {
        await deps.invoker.invokeSourceTask(next);
        summary.invoked.push(next);
      } catch (error) {
        log.error(`Could not start source task ${next.connector}-${next.taskId}`, { error });
        summary.failed.push({ ...next, error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_PARALLEL_INVOKES, queue.length) }, worker));
  return summary;
}

async function runnableTasks(deps: DispatchDeps, record: ConnectorRecord): Promise<SourceTaskInvocation[]> {
  const { tasks } = await deps.stores.statuses.get(record.name);
  const failed = new Set(tasks.filter((t) => t.state === 'FAILED' && t.incarnation === record.incarnation).map((t) => t.taskId));
  return record.taskConfigs.flatMap((_, taskId) => (failed.has(taskId) ? [] : [{ connector: record.name, taskId, generation: record.generation }]));
}

function isSource(registry: PluginRegistry, record: ConnectorRecord): boolean {
  try {
    return isSourceConnectorDescriptor(registry.connector(record.config['connector.class'] ?? ''));
  } catch {
    return false;
  }
}
