/** Records and configured transformations for the transformation tests. */
import { ConnectHeaders } from '#lib/data/connect-headers';
import type { ConnectRecord, SinkRecord, SourceRecord } from '#lib/data/connect-record';
import type { Schema } from '#lib/data/schema';

export function sourceRecord(init: Partial<SourceRecord> = {}): SourceRecord {
  return {
    topic: 'test', kafkaPartition: 0, keySchema: null, key: null, valueSchema: null, value: null, timestamp: null,
    headers: new ConnectHeaders(), sourcePartition: null, sourceOffset: null, ...init,
  };
}

export function sinkRecord(init: Partial<SinkRecord> = {}): SinkRecord {
  return {
    topic: 'test', kafkaPartition: 0, keySchema: null, key: null, valueSchema: null, value: null, timestamp: null,
    headers: new ConnectHeaders(), kafkaOffset: 0n, timestampType: 'CREATE_TIME', originalTopic: 'test', originalKafkaPartition: 0, originalKafkaOffset: 0n, ...init,
  };
}

/** A sink record whose value has the given schema. */
export function withValue(valueSchema: Schema | null, value: unknown, init: Partial<SinkRecord> = {}): SinkRecord {
  return sinkRecord({ valueSchema, value, ...init });
}

/** A sink record whose key has the given schema. */
export function withKey(keySchema: Schema | null, key: unknown, init: Partial<SinkRecord> = {}): SinkRecord {
  return sinkRecord({ keySchema, key, ...init });
}

export function configured<T extends { configure(props: Readonly<Record<string, string>>): void }>(plugin: T, props: Readonly<Record<string, string>> = {}): T {
  plugin.configure(props);
  return plugin;
}

/** Applies and fails the test when the record was dropped. */
export function applied<R extends ConnectRecord>(transform: { apply(record: R): R | null }, record: R): R {
  const result = transform.apply(record);
  if (result === null) throw new Error('record was dropped');
  return result;
}

export function mapOf(entries: Record<string, unknown>): Map<string, unknown> {
  return new Map(Object.entries(entries));
}
