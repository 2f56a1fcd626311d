/**
 * The producer port: what the runtime hands to Kafka. An adapter (kafkajs) implements it and
 * translates client errors into ConnectErrors with `retriable` set, so kafkajs types never leak.
 */

/** One record header; Kafka allows a null value. */
export interface RecordHeader {
  readonly key: string;
  readonly value: Uint8Array | null;
}

export interface ProducerRecord {
  readonly topic: string;
  /** Absent lets the producer's partitioner choose. */
  readonly partition?: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: readonly RecordHeader[];
  /** Epoch milliseconds; absent lets the producer stamp it. */
  readonly timestamp?: number;
}

/** Kafka's `RecordMetadata`: where the broker stored a record. */
export interface RecordMetadata {
  readonly topic: string;
  readonly partition: number;
  /** -1 when unknown (e.g. acks=0). */
  readonly offset: bigint;
  /** Epoch milliseconds, -1 when unknown. */
  readonly timestamp: number;
}

export interface ProducerPort {
  /**
   * Sends the records and resolves once all are acknowledged, with one metadata per record in the
   * same order. Rejects with a ConnectError (`retriable` when sending again may succeed) if any
   * record could not be written; records of a rejected call may or may not have been written.
   */
  send(records: readonly ProducerRecord[]): Promise<RecordMetadata[]>;
}
