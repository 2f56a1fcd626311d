/**
 * Records as connectors, converters and transformations see them (Kafka's ConnectRecord,
 * SourceRecord and SinkRecord). Records are immutable plain objects: a transformation makes a new
 * record with `{ ...record, value, valueSchema }`, which keeps every field of the subtype (source
 * partition and offset, Kafka offset) as Kafka's `newRecord` does. Headers are shared by reference,
 * so a transformation that changes headers must `duplicate()` them first.
 */
import type { ConnectHeaders } from './connect-headers';
import type { Schema } from './schema';

export interface ConnectRecord {
  readonly topic: string;
  /** The Kafka partition, or null to let the producer choose. */
  readonly kafkaPartition: number | null;
  readonly keySchema: Schema | null;
  readonly key: unknown;
  readonly valueSchema: Schema | null;
  readonly value: unknown;
  /** Epoch milliseconds, or null. */
  readonly timestamp: number | null;
  readonly headers: ConnectHeaders;
}

/** A record a source task produced; its offset is committed once Kafka has acknowledged it. */
export interface SourceRecord extends ConnectRecord {
  /** Connector-defined identity of the stream the record came from (e.g. `{filename}`), or null. */
  readonly sourcePartition: Record<string, unknown> | null;
  /** Connector-defined position in that stream (e.g. `{position}`), or null. */
  readonly sourceOffset: Record<string, unknown> | null;
}

export type TimestampType = 'NO_TIMESTAMP_TYPE' | 'CREATE_TIME' | 'LOG_APPEND_TIME';

/** A record consumed from Kafka for a sink task. */
export interface SinkRecord extends ConnectRecord {
  readonly kafkaPartition: number;
  readonly kafkaOffset: bigint;
  readonly timestampType: TimestampType;
  /** Where the record was consumed from, before any transformation changed topic or partition. */
  readonly originalTopic: string;
  readonly originalKafkaPartition: number;
  readonly originalKafkaOffset: bigint;
}

/**
 * Implemented by record classes that copy themselves with new key, value and headers cheaper than a
 * spread does (Kafka's `newRecord` override, as InternalSinkRecord's keeps its origin). The copy
 * must have exactly the fields a spread with those changes would give. Transformations that replace
 * a record's key or value use it when the record has it (see `lib/transforms/util/record-side.ts`).
 */
export const COPY_WITH_SIDES: unique symbol = Symbol('lambda-connect.copyWithSides');

export interface CopiesWithSides {
  [COPY_WITH_SIDES](keySchema: Schema | null, key: unknown, valueSchema: Schema | null, value: unknown, headers: ConnectHeaders): ConnectRecord;
}

/** Kafka's `newRecord`: the same record with some fields replaced (subtype fields are kept). */
export function withChanges<R extends ConnectRecord>(record: R, changes: Partial<ConnectRecord>): R {
  return { ...record, ...changes };
}
