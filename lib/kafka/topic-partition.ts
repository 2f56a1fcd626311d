/** Kafka's `TopicPartition` and `OffsetAndMetadata`, as plain values. */

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** The next offset to consume (last processed + 1), with optional metadata. */
export interface OffsetAndMetadata {
  readonly offset: bigint;
  readonly metadata?: string;
}

/** Kafka's `TopicPartition.toString()`: `topic-partition`; also a stable Map key. */
export function topicPartitionKey(tp: TopicPartition): string {
  return `${tp.topic}-${tp.partition}`;
}
