/**
 * Kafka's `DeadLetterQueueReporter`: every failed record becomes a record on the DLQ topic — the
 * original bytes and headers, the original timestamp, and (with context headers enabled) the
 * `__connect.errors.*` headers. `report` only builds and queues the record (and leaves it on the
 * context as `deadLetter`); `flush` sends the queue in one producer call.
 *
 * A failed send is logged with Kafka's message and, unlike Kafka (which only logs), rejects the
 * flush with a DeadLetterQueueError: the runner then does not commit the batch's offsets, so the
 * records come back and their DLQ records are written again (at least once instead of at most once).
 */
import type { Logger } from '#lib/logging/logger';
import type { ProducerPort, ProducerRecord, RecordHeader } from '#lib/kafka/producer-port';
import { contextHeaders, type OriginalCoordinates } from './dlq-headers';
import type { ErrorHandlingMetrics } from './error-handling-metrics';
import type { ErrorReporter } from './error-reporter';
import { DeadLetterQueueError } from './errors';
import type { ProcessingContext } from './processing-context';
import type { ConnectorTaskId } from './task-id';

/** The payload of a DLQ record, taken from a failed record. */
export interface DeadLetterContent {
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: readonly RecordHeader[];
  /** Absent when the original had none. */
  readonly timestamp?: number;
  /** For the `__connect.errors.topic/partition/offset` headers; null leaves them out. */
  readonly coordinates: OriginalCoordinates | null;
}

export interface DeadLetterQueueReporterOptions<O> {
  /** `errors.deadletterqueue.topic.name`, trimmed and non-empty. */
  topic: string;
  contextHeadersEnable: boolean;
  taskId: ConnectorTaskId;
  producer: ProducerPort;
  content: (original: O) => DeadLetterContent;
  logger: Logger;
  metrics?: ErrorHandlingMetrics;
}

export function createDeadLetterQueueReporter<O>(options: DeadLetterQueueReporterOptions<O>): ErrorReporter<O> {
  const { topic, contextHeadersEnable, taskId, producer, content, logger, metrics } = options;
  let queue: ProducerRecord[] = [];
  return {
    report(context: ProcessingContext<O>) {
      if (metrics) metrics.dlqProduceRequests++;
      const payload = content(context.original);
      const headers = contextHeadersEnable ? [...payload.headers, ...contextHeaders(payload.coordinates, taskId, context)] : [...payload.headers];
      const record: ProducerRecord = { topic, key: payload.key, value: payload.value, headers, ...(payload.timestamp === undefined ? {} : { timestamp: payload.timestamp }) };
      context.deadLetter = record;
      queue.push(record);
    },
    async flush() {
      if (queue.length === 0) return;
      const records = queue;
      queue = [];
      try {
        await producer.send(records);
      } catch (error) {
        if (metrics) metrics.dlqProduceFailures += records.length;
        const failure = new DeadLetterQueueError(topic, error);
        logger.error(failure.message, { error });
        throw failure;
      }
    },
  };
}
