/**
 * The `toString()` renderings Kafka's LogReporter puts in its messages: a consumed record's
 * coordinates, and `SourceRecord.toString()` (Java's `Map`/`List` formats for the values).
 */
import type { SourceRecord, TimestampType } from '#lib/data/connect-record';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';

/** Java's `TimestampType.toString()`. */
const TIMESTAMP_TYPE_NAMES: Readonly<Record<TimestampType, string>> = {
  NO_TIMESTAMP_TYPE: 'NoTimestampType',
  CREATE_TIME: 'CreateTime',
  LOG_APPEND_TIME: 'LogAppendTime',
};

/** LogReporter.Sink's `{topic='t', partition=0, offset=5[, timestamp=…, timestampType=CreateTime]}`. */
export function describeConsumerRecord(record: ConsumerRecord): string {
  let text = `{topic='${record.topic}', partition=${record.partition}, offset=${record.offset}`;
  if (record.timestampType === 'CREATE_TIME' || record.timestampType === 'LOG_APPEND_TIME') {
    text += `, timestamp=${record.timestamp}, timestampType=${TIMESTAMP_TYPE_NAMES[record.timestampType]}`;
  }
  return `${text}}`;
}

/** `SourceRecord.toString()`. */
export function describeSourceRecord(record: SourceRecord): string {
  return (
    `SourceRecord{sourcePartition=${javaValue(record.sourcePartition)}, sourceOffset=${javaValue(record.sourceOffset)}} ` +
    `ConnectRecord{topic='${record.topic}', kafkaPartition=${javaValue(record.kafkaPartition)}, ` +
    `key=${javaValue(record.key)}, keySchema=${javaValue(record.keySchema)}, ` +
    `value=${javaValue(record.value)}, valueSchema=${javaValue(record.valueSchema)}, ` +
    `timestamp=${javaValue(record.timestamp)}, headers=${javaValue(record.headers)}}`
  );
}

/** `String.valueOf` of a Connect value: maps as `{k=v}`, lists as `[a, b]`, byte arrays as `[B@hash`. */
export function javaValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Uint8Array) return `[B@${contentHash(value).toString(16)}`;
  if (Array.isArray(value)) return `[${value.map(javaValue).join(', ')}]`;
  if (value instanceof Map) return `{${[...value].map(([k, v]) => `${javaValue(k)}=${javaValue(v)}`).join(', ')}}`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return `{${Object.entries(value).map(([k, v]) => `${k}=${javaValue(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** Java prints an identity hash; a content hash keeps our messages deterministic. */
function contentHash(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}
