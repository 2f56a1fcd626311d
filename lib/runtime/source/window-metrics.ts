/**
 * A window's metrics, recorded and flushed once when it ends (never per record or batch): records
 * polled and written (acknowledged by Kafka), tolerated failures, DLQ writes, whether the task
 * failed, and the window utilisation — how long it kept polling ÷ how long it could have polled
 * (`poll.window.ms`, capped by the invocation's time). A busy task's windows are at 100 %; an idle
 * task's windows end early and stay low. A failure to report is logged, never the window's failure.
 */
import { recordMetric, taskDimensions } from '#lib/metrics/metric-names';
import type { SourceWindowSummary } from './types';
import { taskName, type SourceWindow } from './window';

export function reportWindowMetrics(w: SourceWindow, summary: SourceWindowSummary, pollingEndedAt: number): void {
  const { metrics, log } = w.deps;
  if (metrics === undefined) return;
  try {
    const dimensions = taskDimensions(summary.connector, 'source', summary.taskId);
    recordMetric(metrics, 'SourceRecordsPolled', summary.polled, dimensions);
    recordMetric(metrics, 'SourceRecordsWritten', summary.produced, dimensions);
    recordMetric(metrics, 'RecordsFailed', summary.failed, dimensions);
    recordMetric(metrics, 'DlqRecords', summary.deadLettered, dimensions);
    recordMetric(metrics, 'TaskFailed', summary.outcome === 'failed' ? 1 : 0, dimensions);
    recordMetric(metrics, 'SourceWindowUtilisation', utilisation(w, pollingEndedAt), dimensions);
    metrics.flush();
  } catch (error) {
    log.warn(`Could not report the metrics of ${taskName(w)}`, { error });
  }
}

/** Percent of the planned polling time the window used, 0 to 100. */
export function utilisation(w: Pick<SourceWindow, 'plan'>, pollingEndedAt: number): number {
  const planned = w.plan.pollUntil - w.plan.startedAt;
  if (planned <= 0) return 100;
  const used = Math.min(Math.max(pollingEndedAt - w.plan.startedAt, 0), planned);
  return Math.round((used / planned) * 10_000) / 100;
}
