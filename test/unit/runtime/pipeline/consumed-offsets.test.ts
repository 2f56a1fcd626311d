import { describe, expect, it } from 'vitest';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import { consumedOffsets } from '#lib/runtime/pipeline/consumed-offsets';
import { checkAndConvertTimestamp } from '#lib/runtime/pipeline/timestamps';

const record = (topic: string, partition: number, offset: bigint): ConsumerRecord => ({ topic, partition, offset, timestamp: 0, timestampType: 'CREATE_TIME', key: null, value: null, headers: [] });

describe('consumedOffsets', () => {
  it('gives each partition its last consumed offset + 1', () => {
    const offsets = consumedOffsets([record('a', 0, 5n), record('a', 1, 9n), record('a', 0, 6n)]);
    expect([...offsets.values()]).toEqual([
      { partition: { topic: 'a', partition: 0 }, offset: { offset: 7n } },
      { partition: { topic: 'a', partition: 1 }, offset: { offset: 10n } },
    ]);
  });

  it('keeps offsets of earlier batches that this one does not pass', () => {
    const earlier = consumedOffsets([record('a', 0, 9n)]);
    expect(consumedOffsets([record('a', 0, 3n), record('b', 0, 1n)], earlier).get('a-0')?.offset.offset).toBe(10n);
  });
});

describe('checkAndConvertTimestamp', () => {
  it('keeps non-negative timestamps, turns -1 into null and rejects other negatives', () => {
    expect(checkAndConvertTimestamp(0)).toBe(0);
    expect(checkAndConvertTimestamp(null)).toBeNull();
    expect(checkAndConvertTimestamp(-1)).toBeNull();
    expect(() => checkAndConvertTimestamp(-2)).toThrow('Invalid record timestamp -2');
  });
});
