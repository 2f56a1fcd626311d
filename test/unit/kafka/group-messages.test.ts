import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupMessagesPerPartition, kafkajsGroupMessagesPerPartition, linearGroupingInstalled } from '#lib/kafka/kafkajs-group-messages';
import '#lib/kafka/kafkajs';

interface Msg {
  readonly id: number;
  readonly partition: number;
}

describe('groupMessagesPerPartition', () => {
  it('is what kafkajs producers in this process use (the swap ran before kafkajs loaded)', () => {
    expect(linearGroupingInstalled()).toBe(true);
  });

  it("groups as kafkajs's own function does: same partitions, same key order, messages in send order, the partitioner called once per message in order", () => {
    const kafkajs = kafkajsGroupMessagesPerPartition();
    expect(kafkajs).not.toBe(groupMessagesPerPartition);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 12 }), { maxLength: 200 }), fc.nat({ max: 3 }), (partitions, metadataCount) => {
        const messages: Msg[] = partitions.map((partition, id) => ({ id, partition }));
        const partitionMetadata = Array.from({ length: metadataCount }, (_, i) => ({ partitionId: i }));
        const run = (group: typeof groupMessagesPerPartition) => {
          const calls: number[] = [];
          const grouped = group({ topic: 't', partitionMetadata, messages, partitioner: ({ message }) => (calls.push(message.id), message.partition) });
          return { grouped: Object.entries(grouped).map(([p, list]) => [p, list.map((m) => m.id)]), calls };
        };
        expect(run(groupMessagesPerPartition)).toEqual(run(kafkajs));
      }),
      { numRuns: 300 },
    );
  });
});
