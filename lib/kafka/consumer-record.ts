/** A record as consumed from Kafka, before any conversion (Kafka's `ConsumerRecord<byte[], byte[]>`). */
import type { TimestampType } from '#lib/data/connect-record';
import type { RecordHeader } from './producer-port';

/** Kafka's `RecordBatch.NO_TIMESTAMP`. */
export const NO_TIMESTAMP = -1;

export interface ConsumerRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  /** Epoch milliseconds, or NO_TIMESTAMP (-1) with timestampType NO_TIMESTAMP_TYPE. */
  readonly timestamp: number;
  readonly timestampType: TimestampType;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: readonly RecordHeader[];
}
