/** The offsets to commit after a consumed batch: per partition, the last offset + 1 (Kafka's `origOffsets`). */
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import { topicPartitionKey } from '#lib/kafka/topic-partition';
import type { PartitionOffsets } from '#lib/plugin/sink-task';

export function consumedOffsets(records: readonly ConsumerRecord[], into: PartitionOffsets = new Map()): PartitionOffsets {
  const offsets = new Map(into);
  for (const { topic, partition, offset } of records) {
    const key = topicPartitionKey({ topic, partition });
    const next = offset + 1n;
    const current = offsets.get(key);
    if (!current || current.offset.offset < next) offsets.set(key, { partition: { topic, partition }, offset: { offset: next } });
  }
  return offsets;
}
