/**
 * One ESM batch of one sink connector, end to end: find the connector from the invoked alias,
 * refuse the batch unless the connector is STARTED and the tasks involved are not FAILED, then per
 * task (partition % tasks.max) convert and transform (pipeline), `put`, `preCommit` (default: flush),
 * record the next offset per partition in the offset store, and resolve — the ESM then commits the
 * batch. Any failure rejects, so the ESM commits nothing and delivers the batch again
 * (failure-policy.ts decides whether the task is FAILED on the way). When the invocation's deadline
 * comes near, the tasks stop between slices, flush and record what they put, and the batch is
 * rejected with SinkDeadlineError (batch-deadline.ts), which is no task failure.
 */
import { isSinkConnectorDescriptor } from '#lib/plugin/task-types';
import type { PartitionOffsets } from '#lib/plugin/sink-task';
import type { ConnectorRecord } from '#lib/store/types';
import type { MetricsPort } from '#lib/metrics/metrics-port';
import { deadlineGuard, SinkDeadlineError, type DeadlineGuard } from './batch-deadline';
import { reportBatchMetrics, reportSinkTaskFailed, type BatchMetricsDeps } from './batch-metrics';
import type { ConnectorLookup } from './connector-lookup';
import { SinkBatchRefusedError } from './errors';
import { clearRetrying, onTaskFailure } from './failure-policy';
import { taskIdFor } from './mapping-names';
import { deliver, forgetReplay, type TaskResult } from './deliver-batch';
import type { RunningSinkTask, RunningTasks } from './running-tasks';
import { startSinkTask } from './start-sink-task';
import type { PartitionBatch, SinkBatch, SinkBatchSummary, SinkInvocationContext, SinkRuntimeDeps } from './types';

export interface SinkBatchRunner {
  deps: SinkRuntimeDeps;
  lookup: ConnectorLookup;
  tasks: RunningTasks;
  /** Each batch's counts per task, flushed once per batch (batch-metrics.ts). */
  metrics?: MetricsPort;
}

export async function runSinkBatch(runner: SinkBatchRunner, batch: SinkBatch, context: SinkInvocationContext): Promise<SinkBatchSummary> {
  const record = await connectorOf(runner, context);
  const groups = byTask(batch.partitions, record.taskConfigs.length);
  const total = batch.partitions.reduce((n, p) => n + p.records.length, 0);
  if (total === 0) return { connector: record.name, outcome: 'empty', records: 0, put: 0, filtered: 0, failed: 0, offsets: {} };
  await refuseFailedTasks(runner, record, [...groups.keys()]);
  const now = (): number => runner.deps.clock?.now() ?? Date.now();
  const guard = deadlineGuard(now, now() + context.remainingTimeMs, context.remainingTimeMs);
  const delivered: RunningSinkTask[] = [];
  const results = await Promise.all([...groups].map(([taskId, partitions]) => runTask(runner, record, taskId, partitions, context, guard, delivered)));
  const offsets: Record<string, string> = {};
  for (const result of results) for (const [key, { offset }] of result.offsets) offsets[key] = offset.offset.toString();
  reportBatchMetrics(metricsDeps(runner), record.name, results);
  const unprocessed = results.reduce((n, r) => n + r.unprocessed, 0);
  if (unprocessed > 0) {
    throw new SinkDeadlineError(`Sink batch of ${record.name}: ${unprocessed} of ${total} records left for the next delivery, the invocation's deadline is near; what was put is flushed and its offsets recorded`);
  }
  for (const running of delivered) forgetReplay(running);
  return {
    connector: record.name,
    outcome: 'completed',
    records: total,
    put: sum(results, 'put'),
    filtered: sum(results, 'filtered'),
    failed: sum(results, 'failed'),
    offsets,
  };
}

async function connectorOf({ deps, lookup }: SinkBatchRunner, context: SinkInvocationContext): Promise<ConnectorRecord> {
  if (context.alias === undefined) throw new SinkBatchRefusedError('The sink task was invoked without an alias: event source mappings must target a connector alias');
  const record = await lookup.find(context.alias);
  if (record === undefined) throw new SinkBatchRefusedError(`No sink connector has the alias ${context.alias} (deleted?)`);
  if (record.targetState !== 'STARTED') throw new SinkBatchRefusedError(`Connector ${record.name} is ${record.targetState}: batch not processed`);
  if (!isSink(deps, record)) throw new SinkBatchRefusedError(`Connector ${record.name} is not a sink connector`);
  if (record.taskConfigs.length === 0) throw new SinkBatchRefusedError(`Connector ${record.name} has no tasks`);
  return record;
}

function isSink(deps: SinkRuntimeDeps, record: ConnectorRecord): boolean {
  try {
    return isSinkConnectorDescriptor(deps.registry.connector(record.config['connector.class'] ?? ''));
  } catch {
    return false;
  }
}

async function refuseFailedTasks({ deps }: SinkBatchRunner, record: ConnectorRecord, taskIds: number[]): Promise<void> {
  const statuses = await Promise.all(taskIds.map((id) => deps.stores.statuses.getTask(record.name, id)));
  const failed = statuses.find((s) => s?.state === 'FAILED' && s.incarnation === record.incarnation && s.generation === record.generation);
  if (failed) throw new SinkBatchRefusedError(`Task ${record.name}-${failed.taskId} is FAILED: batch not processed until it is restarted`);
}

function byTask(partitions: readonly PartitionBatch[], taskCount: number): Map<number, PartitionBatch[]> {
  const groups = new Map<number, PartitionBatch[]>();
  for (const p of partitions) {
    const id = taskIdFor(p.partition, taskCount);
    const group = groups.get(id);
    if (group) group.push(p);
    else groups.set(id, [p]);
  }
  return groups;
}

async function runTask(runner: SinkBatchRunner, record: ConnectorRecord, taskId: number, partitions: PartitionBatch[], context: SinkInvocationContext, guard: DeadlineGuard, delivered: RunningSinkTask[]): Promise<TaskResult> {
  const { deps, tasks } = runner;
  const key = { connector: record.name, taskId, incarnation: record.incarnation, generation: record.generation };
  try {
    return await tasks.withTask(key, () => startSinkTask(deps, record, taskId, context), async (running) => {
      const result = await deliver(running, taskId, partitions, guard, () => deps.clock?.now() ?? Date.now());
      delivered.push(running);
      await recordOffsets(deps, record.name, result.offsets);
      await clearRetrying(deps, record, taskId, context.workerId, running.retrying);
      running.retrying = false;
      return result;
    });
  } catch (error) {
    const outcome = await onTaskFailure(deps, record, taskId, context.workerId, error);
    if (outcome === 'failed') reportSinkTaskFailed(metricsDeps(runner), record.name, taskId);
    if (outcome === 'failed') await tasks.discard(record.name, taskId);
    else await tasks.withTask(key, () => Promise.reject(error), async (running) => void (running.retrying = true)).catch(() => undefined);
    throw error;
  }
}

async function recordOffsets(deps: SinkRuntimeDeps, connector: string, offsets: PartitionOffsets): Promise<void> {
  if (offsets.size === 0) return;
  const entries = [...offsets.values()].map(({ partition, offset }) => ({
    partition: { kafka_topic: partition.topic, kafka_partition: partition.partition },
    offset: { kafka_offset: Number(offset.offset) },
  }));
  await deps.stores.offsets.put(connector, entries);
}

function sum(results: TaskResult[], key: 'put' | 'filtered' | 'failed'): number {
  return results.reduce((n, r) => n + r[key], 0);
}

function metricsDeps({ metrics, deps }: SinkBatchRunner): BatchMetricsDeps {
  return { ...(metrics ? { metrics } : {}), log: deps.log, now: () => deps.clock?.now() ?? Date.now() };
}
