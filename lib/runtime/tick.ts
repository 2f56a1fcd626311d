/**
 * The scheduler's tick (the EventBridge `rate(1 minute)` schedule on AWS, standalone mode's timer):
 * dispatches the source tasks and reconciles the sink connectors' event source mappings. The two are
 * independent: they run side by side, and one's failure is logged and reported without keeping the
 * other from running.
 */
import type { Logger } from '#lib/logging/logger';
import type { ReconcileSummary } from '#lib/runtime/sink/mappings/reconcile-all-mappings';
import type { DispatchSummary } from '#lib/runtime/source/dispatch';

export interface TickDeps {
  dispatchSources: () => Promise<DispatchSummary>;
  /** Absent when this deployment manages no event source mappings. */
  reconcileSinks?: () => Promise<ReconcileSummary>;
  log: Logger;
}

export interface TickFailure {
  error: string;
}

export interface TickSummary {
  sources: DispatchSummary | TickFailure;
  sinks?: ReconcileSummary | TickFailure;
}

export async function runTick({ dispatchSources, reconcileSinks, log }: TickDeps): Promise<TickSummary> {
  const guarded = async <T>(what: string, run: () => Promise<T>): Promise<T | TickFailure> => {
    try {
      return await run();
    } catch (error) {
      log.error(`${what} failed; trying again at the next tick`, { error });
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };
  const [sources, sinks] = await Promise.all([
    guarded('Dispatching source tasks', dispatchSources),
    reconcileSinks ? guarded('Reconciling the event source mappings', reconcileSinks) : undefined,
  ]);
  return { sources, ...(sinks ? { sinks } : {}) };
}
