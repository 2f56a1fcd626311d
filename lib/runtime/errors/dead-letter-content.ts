/**
 * What goes into a DLQ record. Sinks (Kafka's behaviour): the consumed key, value, headers and
 * timestamp, exactly as consumed. Sources (our extension; Kafka has no DLQ for sources): the bytes
 * of the converters that ran, the rest rendered as JSON; the topic header names the record's
 * target topic and there is no partition or offset.
 */
import { NO_TIMESTAMP, type ConsumerRecord } from '#lib/kafka/consumer-record';
import type { RecordHeader } from '#lib/kafka/producer-port';
import type { DeadLetterContent } from './dead-letter-queue-reporter';
import { renderAsJsonBytes } from './render-json';
import type { SourceRecordProgress } from './source-record-progress';

export function consumerRecordDeadLetter(original: ConsumerRecord): DeadLetterContent {
  return {
    key: original.key,
    value: original.value,
    headers: original.headers,
    ...(original.timestamp === NO_TIMESTAMP ? {} : { timestamp: original.timestamp }),
    coordinates: { topic: original.topic, partition: original.partition, offset: original.offset },
  };
}

export function sourceRecordDeadLetter(progress: SourceRecordProgress): DeadLetterContent {
  const { record } = progress;
  const headers: RecordHeader[] = progress.headers ?? [...record.headers].map((h) => ({ key: h.key, value: renderAsJsonBytes(h.value) }));
  return {
    key: progress.key !== undefined ? progress.key : renderAsJsonBytes(record.key),
    value: progress.value !== undefined ? progress.value : renderAsJsonBytes(record.value),
    headers,
    ...(record.timestamp === null || record.timestamp < 0 ? {} : { timestamp: record.timestamp }),
    coordinates: { topic: record.topic },
  };
}
