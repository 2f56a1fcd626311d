import { describe, expect, it } from 'vitest';
import { recordMetadata } from '#lib/kafka/record-offsets';

const ack = (topic: string, partition: number, baseOffset: bigint, logAppendTime = -1) => ({ topic, partition, baseOffset, logAppendTime });
const sent = (topic: string, partition: number, timestamp = 10) => ({ topic, partition, timestamp });

describe('recordMetadata', () => {
  it("gives each record its partition's base offset plus its index among that partition's records", () => {
    const records = [sent('t', 0), sent('t', 1), sent('t', 0), sent('t', 0), sent('t', 1)];

    const metadata = recordMetadata(records, [ack('t', 1, 40n), ack('t', 0, 7n)], true);

    expect(metadata.map((m) => [m.partition, m.offset])).toEqual([[0, 7n], [1, 40n], [0, 8n], [0, 9n], [1, 41n]]);
  });

  it('counts per topic and partition, so the same partition number of two topics does not mix', () => {
    const metadata = recordMetadata([sent('a', 0), sent('b', 0), sent('a', 0)], [ack('a', 0, 100n), ack('b', 0, 5n)], true);

    expect(metadata.map((m) => [m.topic, m.offset])).toEqual([['a', 100n], ['b', 5n], ['a', 101n]]);
  });

  it('computes offsets beyond 2^53 exactly', () => {
    const base = 2n ** 60n;

    expect(recordMetadata([sent('t', 0), sent('t', 0)], [ack('t', 0, base)], true).map((m) => m.offset)).toEqual([base, base + 1n]);
  });

  it("uses the broker's log append time when it reports one, else the record's create time", () => {
    const metadata = recordMetadata([sent('t', 0, 111), sent('t', 1, 222)], [ack('t', 0, 0n, 999), ack('t', 1, 0n, -1)], true);

    expect(metadata.map((m) => m.timestamp)).toEqual([999, 222]);
  });

  it('gives offset -1 when no acknowledgement was asked for (acks=0)', () => {
    expect(recordMetadata([sent('t', 3, 5)], [], false)).toEqual([{ topic: 't', partition: 3, offset: -1n, timestamp: 5 }]);
  });

  it('fails retriably when an acknowledgement is missing although one was asked for', () => {
    expect(() => recordMetadata([sent('t', 2)], [ack('t', 0, 0n)], true)).toThrowError(expect.objectContaining({ retriable: true, reason: 'MISSING_ACKNOWLEDGEMENT' }));
  });
});
