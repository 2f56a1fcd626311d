/**
 * Kafka's task-error-metrics group as plain counters (`total-record-failures` …), so a runner can
 * publish them. Counters only grow; `lastErrorTimestamp` is epoch ms, 0 before the first error.
 */
export interface ErrorHandlingMetrics {
  /** total-record-failures: failed attempts, retried or not. */
  recordFailures: number;
  /** total-record-errors: operations that failed for good. */
  recordErrors: number;
  /** total-records-skipped: records dropped under errors.tolerance=all. */
  recordsSkipped: number;
  /** total-retries */
  retries: number;
  /** total-errors-logged */
  errorsLogged: number;
  /** deadletterqueue-produce-requests */
  dlqProduceRequests: number;
  /** deadletterqueue-produce-failures */
  dlqProduceFailures: number;
  /** last-error-timestamp */
  lastErrorTimestamp: number;
}

export function createErrorHandlingMetrics(): ErrorHandlingMetrics {
  return { recordFailures: 0, recordErrors: 0, recordsSkipped: 0, retries: 0, errorsLogged: 0, dlqProduceRequests: 0, dlqProduceFailures: 0, lastErrorTimestamp: 0 };
}
