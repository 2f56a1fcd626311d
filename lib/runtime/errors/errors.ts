/** Errors the error handler throws to stop a task; never retriable (the task goes FAILED). */
import { ConnectError } from '#lib/errors';

/** A failure that `errors.tolerance` does not allow: Kafka's "Tolerance exceeded in error handler". */
export class ToleranceExceededError extends ConnectError {
  constructor(cause: unknown) {
    super('INTERNAL', 'Tolerance exceeded in error handler', { cause });
  }
}

/**
 * A non-retriable failure in a stage where tolerance does not apply (task, producer, consumer):
 * Kafka's "Unhandled exception in error handler".
 */
export class UnhandledStageError extends ConnectError {
  constructor(cause: unknown) {
    super('INTERNAL', 'Unhandled exception in error handler', { cause });
  }
}

/** Whether a thrown value says it is transient (`retriable: true`), e.g. a RetriableError or a kafkajs error. */
export function isRetriable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}

/** Records could not be written to the dead letter queue (retriable when the producer said so). */
export class DeadLetterQueueError extends ConnectError {
  constructor(topic: string, cause: unknown) {
    super('INTERNAL', `Could not produce message to dead letter queue. topic=${topic}`, { cause, retriable: isRetriable(cause) });
  }
}
