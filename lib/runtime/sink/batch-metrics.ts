/**
 * A sink batch's metrics, recorded and flushed once per batch (never per record), per task of the
 * batch: records received, records put, tolerated failures, DLQ writes and the sink lag. Kafka event
 * source mapping events carry no high-water mark, so the lag is always the record age: when the
 * batch is done, now − the timestamp of the newest record of the partition furthest behind (records
 * without a timestamp are left out; a batch without any reports no lag). A task set FAILED reports
 * `TaskFailed`. A failure to report is logged, never the batch's failure.
 */
import type { Logger } from '#lib/logging/logger';
import { recordMetric, taskDimensions } from '#lib/metrics/metric-names';
import type { MetricsPort } from '#lib/metrics/metrics-port';
import { NO_TIMESTAMP, type ConsumerRecord } from '#lib/kafka/consumer-record';
import type { PartitionBatch } from './types';

export interface TaskBatchCounts {
  taskId: number;
  received: number;
  put: number;
  failed: number;
  deadLettered: number;
  /** The oldest of the partitions' newest record timestamps (epoch ms), when any record had one. */
  headTimestamp?: number;
}

export interface BatchMetricsDeps {
  metrics?: MetricsPort;
  log: Logger;
  now: () => number;
}

export function reportBatchMetrics(deps: BatchMetricsDeps, connector: string, tasks: readonly TaskBatchCounts[]): void {
  report(deps, connector, () => {
    const { metrics } = deps;
    if (metrics === undefined) return;
    const now = deps.now();
    for (const counts of tasks) {
      const dimensions = taskDimensions(connector, 'sink', counts.taskId);
      recordMetric(metrics, 'SinkRecordsReceived', counts.received, dimensions);
      recordMetric(metrics, 'SinkRecordsPut', counts.put, dimensions);
      recordMetric(metrics, 'RecordsFailed', counts.failed, dimensions);
      recordMetric(metrics, 'DlqRecords', counts.deadLettered, dimensions);
      if (counts.headTimestamp !== undefined) recordMetric(metrics, 'SinkLag', Math.max(0, now - counts.headTimestamp), dimensions);
    }
  });
}

export function reportSinkTaskFailed(deps: BatchMetricsDeps, connector: string, taskId: number): void {
  report(deps, connector, () => deps.metrics && recordMetric(deps.metrics, 'TaskFailed', 1, taskDimensions(connector, 'sink', taskId)));
}

/** The oldest of the partitions' newest record timestamps; undefined when no such record has one. */
export function headTimestamp(partitions: readonly PartitionBatch[]): number | undefined {
  let oldest: number | undefined;
  for (const { records } of partitions) {
    const newest = newestTimestamp(records);
    if (newest !== undefined && (oldest === undefined || newest < oldest)) oldest = newest;
  }
  return oldest;
}

function newestTimestamp(records: readonly ConsumerRecord[]): number | undefined {
  for (let i = records.length - 1; i >= 0; i--) {
    const timestamp = (records[i] as ConsumerRecord).timestamp;
    if (timestamp !== NO_TIMESTAMP && timestamp >= 0) return timestamp;
  }
  return undefined;
}

function report(deps: BatchMetricsDeps, connector: string, record: () => void): void {
  if (deps.metrics === undefined) return;
  try {
    record();
    deps.metrics.flush();
  } catch (error) {
    deps.log.warn(`Could not report the metrics of sink connector ${connector}`, { error });
  }
}
