/**
 * Per-record metadata from kafkajs's per-partition acknowledgements. kafkajs keeps the records of
 * one partition in the order given and writes them as one record batch, and the broker answers with
 * that batch's base offset; so a record's offset is the base offset plus its index among the
 * records sent to the same partition in that request.
 */
import { KafkaClientError } from './errors';
import type { RecordMetadata } from './producer-port';

/** A record as sent: its topic, the partition it went to, and its create time. */
export interface SentRecord {
  readonly topic: string;
  readonly partition: number;
  readonly timestamp: number;
}

/** One partition's acknowledgement. `logAppendTime` is -1 unless the topic uses LogAppendTime. */
export interface PartitionAck {
  readonly topic: string;
  readonly partition: number;
  readonly baseOffset: bigint;
  readonly logAppendTime: number;
}

/**
 * One metadata per sent record, in order. Without acknowledgements (acks=0) offsets are -1, as in
 * Java. The timestamp is the broker's log append time when it reports one, else the create time.
 */
export function recordMetadata(sent: readonly SentRecord[], acks: readonly PartitionAck[], acksExpected: boolean): RecordMetadata[] {
  const ackByPartition = new Map(acks.map((ack) => [partitionKey(ack), ack]));
  const nextIndex = new Map<string, bigint>();
  return sent.map(({ topic, partition, timestamp }) => {
    const key = partitionKey({ topic, partition });
    const ack = ackByPartition.get(key);
    if (ack === undefined) {
      if (!acksExpected) return { topic, partition, offset: -1n, timestamp };
      throw new KafkaClientError(`The broker did not acknowledge partition ${partition} of topic ${topic}`, { retriable: true, reason: 'MISSING_ACKNOWLEDGEMENT' });
    }
    const index = nextIndex.get(key) ?? 0n;
    nextIndex.set(key, index + 1n);
    return { topic, partition, offset: ack.baseOffset + index, timestamp: ack.logAppendTime >= 0 ? ack.logAppendTime : timestamp };
  });
}

function partitionKey(tp: { readonly topic: string; readonly partition: number }): string {
  return `${tp.partition}\u0000${tp.topic}`;
}
