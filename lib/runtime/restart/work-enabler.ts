/**
 * Re-enabling a restarted connector's work: what makes its tasks run again after the fence. Sources:
 * an immediate invocation of each restarted task (instead of waiting for the next dispatcher tick);
 * sinks: enabling their event source mappings through the sink runtime's reconcile function. Either
 * part may be absent; the dispatcher's next tick (sources) then does the job.
 */
import type { Logger } from '#lib/logging/logger';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { isSourceConnectorDescriptor } from '#lib/plugin/task-types';
import type { ConnectorRecord } from '#lib/store/types';

export interface WorkToEnable {
  record: ConnectorRecord;
  tasks: number[];
}

export interface WorkEnabler {
  reEnable(work: WorkToEnable): Promise<void>;
}

/** Starts task invocations of a source connector (the source runtime's TaskInvoker fits). */
export interface SourceTaskStarter {
  invokeSourceTask(invocation: { connector: string; taskId: number; generation: number }): Promise<void>;
}

/** The sink runtime's seam: make the connector's event source mappings match its stored record, which
 *  enables them again once its tasks are no longer FAILED. */
export interface SinkReconciler {
  reconcile(connector: string): Promise<void>;
}

export interface WorkEnablerDeps {
  registry: PluginRegistry;
  sources?: SourceTaskStarter;
  sinks?: SinkReconciler;
  log: Logger;
}

export function createWorkEnabler(deps: WorkEnablerDeps): WorkEnabler {
  return {
    async reEnable({ record, tasks }) {
      if (isSource(deps.registry, record)) {
        if (!deps.sources) return;
        // A failed invoke is not a failed restart: the dispatcher's next tick starts the task anyway.
        await Promise.all(
          tasks.map((taskId) =>
            deps.sources?.invokeSourceTask({ connector: record.name, taskId, generation: record.generation }).catch((error: unknown) => {
              deps.log.warn(`Could not start restarted source task ${record.name}-${taskId}; the next dispatch will`, { error });
            }),
          ),
        );
        return;
      }
      await deps.sinks?.reconcile(record.name);
    },
  };
}

function isSource(registry: PluginRegistry, record: ConnectorRecord): boolean {
  try {
    return isSourceConnectorDescriptor(registry.connector(record.config['connector.class'] ?? ''));
  } catch {
    return false;
  }
}
