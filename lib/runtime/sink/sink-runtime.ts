/**
 * The sink runtime: what the sink-task function (and standalone's ESM emulator) calls with each
 * decoded batch. Built once per container; it keeps the started sink tasks between batches.
 */
import type { MetricsPort } from '#lib/metrics/metrics-port';
import { createConnectorLookup } from './connector-lookup';
import { runSinkBatch } from './run-sink-batch';
import { createRunningTasks } from './running-tasks';
import type { SinkBatch, SinkBatchSummary, SinkInvocationContext, SinkRuntimeDeps } from './types';

export interface SinkRuntime {
  /** Resolves when the batch may be committed; rejects when the ESM must deliver it again. */
  handleBatch(batch: SinkBatch, context: SinkInvocationContext): Promise<SinkBatchSummary>;
  /** Stops every started task (standalone shutdown, tests). */
  close(): Promise<void>;
}

export interface SinkRuntimeOptions {
  /** Where each batch's metrics go (batch-metrics.ts); none: not reported. */
  metrics?: MetricsPort;
}

export function createSinkRuntime(deps: SinkRuntimeDeps, options: SinkRuntimeOptions = {}): SinkRuntime {
  const runner = { deps, lookup: createConnectorLookup(deps.stores.configs), tasks: createRunningTasks(deps.log), ...(options.metrics ? { metrics: options.metrics } : {}) };
  return {
    handleBatch: (batch, context) => runSinkBatch(runner, batch, context),
    close: () => runner.tasks.stopAll(),
  };
}
