import { describe, expect, it } from 'vitest';
import type { PartitionMetadata } from 'kafkajs';
import { CHOSEN_PARTITION, memoizedPartitioner, type PartitionedMessage } from '#lib/kafka/memoized-partitioner';

const partitionMetadata = [0, 1, 2, 3].map((partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0, offlineReplicas: [] })) as PartitionMetadata[];

describe('memoizedPartitioner', () => {
  it('gives a keyless message the same partition when kafkajs asks again (a retry), though round robin moves on', () => {
    const partition = memoizedPartitioner();
    const message: PartitionedMessage = { key: null, value: null };

    const first = partition({ topic: 't', partitionMetadata, message });
    const others = [1, 2, 3].map(() => partition({ topic: 't', partitionMetadata, message: { key: null, value: null } }));

    expect(partition({ topic: 't', partitionMetadata, message })).toBe(first);
    expect(new Set([first, ...others]).size).toBe(4);
    expect(message[CHOSEN_PARTITION]).toBe(first);
  });

  it('sends messages with the same key to the same partition', () => {
    const partition = memoizedPartitioner();
    const chosen = ['a', 'b', 'a'].map((key) => partition({ topic: 't', partitionMetadata, message: { key: Buffer.from(key), value: null } }));

    expect(chosen[0]).toBe(chosen[2]);
  });

  it('keeps an explicit partition', () => {
    expect(memoizedPartitioner()({ topic: 't', partitionMetadata, message: { key: Buffer.from('a'), value: null, partition: 2 } })).toBe(2);
  });
});
