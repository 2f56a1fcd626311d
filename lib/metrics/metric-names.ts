/**
 * Every metric the runtime emits, as data: name, unit and meaning. docs/operations.md lists them and
 * the dashboard and alarms (infra/constructs/observability.ts) refer to them by these names. All carry
 * the dimensions `Connector`, `ConnectorType` (`source` | `sink`) and `Task` (the task id).
 */
import type { MetricUnit } from './metrics-port';

export const METRICS = {
  SourceRecordsPolled: { unit: 'Count', meaning: 'records the source task returned from poll() in one window' },
  SourceRecordsWritten: { unit: 'Count', meaning: 'records of one window Kafka acknowledged' },
  SourceWindowUtilisation: { unit: 'Percent', meaning: 'time a window kept polling ÷ its planned polling time (poll.window.ms, capped by the invocation time)' },
  SinkRecordsReceived: { unit: 'Count', meaning: 'records of one event source mapping batch handed to the task' },
  SinkRecordsPut: { unit: 'Count', meaning: 'records given to SinkTask.put (after transformations and tolerated failures)' },
  RecordsFailed: { unit: 'Count', meaning: 'records that failed and were skipped under errors.tolerance=all' },
  DlqRecords: { unit: 'Count', meaning: 'records written to the dead letter queue topic' },
  SinkLag: { unit: 'Milliseconds', meaning: 'age of the newest record of the batch when the batch was done (now − record timestamp), per task' },
  TaskFailed: { unit: 'Count', meaning: '1 each time a task is set FAILED' },
} as const satisfies Record<string, { unit: MetricUnit; meaning: string }>;

export type MetricName = keyof typeof METRICS;

export const DIMENSION_NAMES = ['Connector', 'ConnectorType', 'Task'] as const;

/** The dimensions of one task's metrics. */
export function taskDimensions(connector: string, type: 'source' | 'sink', taskId: number): Record<(typeof DIMENSION_NAMES)[number], string> {
  return { Connector: connector, ConnectorType: type, Task: String(taskId) };
}

/** Records `value` of a named metric with its declared unit. */
export function recordMetric(port: { record(name: string, value: number, unit: MetricUnit, dimensions: Readonly<Record<string, string>>): void }, name: MetricName, value: number, dimensions: Readonly<Record<string, string>>): void {
  port.record(name, value, METRICS[name].unit, dimensions);
}
