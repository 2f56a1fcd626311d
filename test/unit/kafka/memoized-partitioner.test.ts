import { describe, expect, it } from 'vitest';
import type { PartitionMetadata } from 'kafkajs';
import { CHOSEN_PARTITION, createMemoizedPartitioner, memoizedPartitioner, STICKY_BATCH_BYTES, type PartitionedMessage } from '#lib/kafka/memoized-partitioner';

const partitionMetadata = [0, 1, 2, 3].map((partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0, offlineReplicas: [] })) as PartitionMetadata[];

describe('memoizedPartitioner', () => {
  it('gives a keyless message the same partition when kafkajs asks again (a retry)', () => {
    const partition = memoizedPartitioner();
    const message: PartitionedMessage = { key: null, value: Buffer.alloc(10) };

    const first = partition({ topic: 't', partitionMetadata, message });

    expect(partition({ topic: 't', partitionMetadata, message })).toBe(first);
    expect(message[CHOSEN_PARTITION]).toBe(first);
  });

  it('keeps keyless messages on one sticky partition, in order, until batch.size bytes went there (KIP-794)', () => {
    const partition = memoizedPartitioner();
    const lines = Array.from({ length: 100 }, (_, i) => partition({ topic: 't', partitionMetadata, message: { key: null, value: `line ${i}` } }));
    expect(new Set(lines).size).toBe(1);
  });

  it('moves the sticky partition to another available one after batch.size bytes', () => {
    const partition = createMemoizedPartitioner(() => 0.99)();
    const big = (): PartitionedMessage => ({ key: null, value: Buffer.alloc(STICKY_BATCH_BYTES / 2) });
    const chosen = Array.from({ length: 6 }, () => partition({ topic: 't', partitionMetadata, message: big() }));
    expect(chosen[0]).toBe(chosen[1]);
    expect(chosen[2]).not.toBe(chosen[1]);
    expect(chosen[2]).toBe(chosen[3]);
    expect(chosen[4]).not.toBe(chosen[3]);
  });

  it('never sticks to a partition without a leader', () => {
    const partition = memoizedPartitioner();
    const leaderless = partitionMetadata.map((p) => (p.partitionId === 2 ? p : { ...p, leader: -1 }));
    for (let i = 0; i < 20; i++) expect(partition({ topic: `t${i}`, partitionMetadata: leaderless, message: { key: null, value: 'x' } })).toBe(2);
  });

  it('keeps a separate sticky partition per topic', () => {
    let n = 0;
    const partition = createMemoizedPartitioner(() => [0.1, 0.9][n++ % 2]!)();
    const a = partition({ topic: 'a', partitionMetadata, message: { key: null, value: 'x' } });
    const b = partition({ topic: 'b', partitionMetadata, message: { key: null, value: 'x' } });
    expect(a).not.toBe(b);
    expect(partition({ topic: 'a', partitionMetadata, message: { key: null, value: 'y' } })).toBe(a);
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
