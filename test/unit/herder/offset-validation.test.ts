import { describe, expect, it } from 'vitest';
import { BadRequestError } from '#lib/errors';
import { normaliseSinkOffsets, validateSourceOffsets } from '#lib/herder/offset-validation';

const sinkEntry = (partition: Record<string, unknown> | null, offset: Record<string, unknown> | null = { kafka_offset: 1 }) => [{ partition, offset }];

describe('normaliseSinkOffsets', () => {
  it('accepts numbers given as JSON numbers', () => {
    expect(normaliseSinkOffsets(sinkEntry({ kafka_topic: 't1', kafka_partition: 0 }, { kafka_offset: 10 }))).toEqual([
      { partition: { kafka_topic: 't1', kafka_partition: 0 }, offset: { kafka_offset: 10 } },
    ]);
  });

  it('turns numeric strings into numbers, as Kafka accepts "10" and 10 alike', () => {
    expect(normaliseSinkOffsets(sinkEntry({ kafka_topic: 't1', kafka_partition: '3' }, { kafka_offset: '10' }))).toEqual([
      { partition: { kafka_topic: 't1', kafka_partition: 3 }, offset: { kafka_offset: 10 } },
    ]);
  });

  it('keeps a null offset, which resets the partition', () => {
    expect(normaliseSinkOffsets(sinkEntry({ kafka_topic: 't1', kafka_partition: 0 }, null))).toEqual([{ partition: { kafka_topic: 't1', kafka_partition: 0 }, offset: null }]);
  });

  it('drops partition and offset fields other than Kafka’s', () => {
    const [entry] = normaliseSinkOffsets(sinkEntry({ kafka_topic: 't1', kafka_partition: 0, extra: 'x' }, { kafka_offset: 1, metadata: 'y' }));

    expect(entry).toEqual({ partition: { kafka_topic: 't1', kafka_partition: 0 }, offset: { kafka_offset: 1 } });
  });

  it('keeps an offset beyond 2^53 exact, as a bigint', () => {
    const [entry] = normaliseSinkOffsets(sinkEntry({ kafka_topic: 't1', kafka_partition: 0 }, { kafka_offset: 9007199254740993n }));

    expect(entry?.offset).toEqual({ kafka_offset: 9007199254740993n });
  });

  it('takes a non-string topic by its text, as Kafka’s String.valueOf does', () => {
    const [entry] = normaliseSinkOffsets(sinkEntry({ kafka_topic: 5, kafka_partition: 0 }));

    expect(entry?.partition).toEqual({ kafka_topic: '5', kafka_partition: 0 });
  });

  it.each([
    ['a null partition', null, 'The partition for a sink connector offset cannot be null or missing'],
    ['a partition without kafka_topic', { kafka_partition: 0 }, "The partition for a sink connector offset must contain the keys 'kafka_topic' and 'kafka_partition'"],
    ['a partition without kafka_partition', { kafka_topic: 't1' }, "The partition for a sink connector offset must contain the keys 'kafka_topic' and 'kafka_partition'"],
    ['a null topic', { kafka_topic: null, kafka_partition: 0 }, 'Kafka topic names must be valid strings and may not be null'],
    ['a null partition number', { kafka_topic: 't1', kafka_partition: null }, 'Kafka partitions must be valid numbers and may not be null'],
    [
      'a non-numeric partition',
      { kafka_topic: 't1', kafka_partition: 'x' },
      "Failed to parse the following Kafka partition value in the provided offsets: 'x'. Partition values for sink connectors need to be integers.",
    ],
    [
      'a fractional partition',
      { kafka_topic: 't1', kafka_partition: 1.5 },
      "Failed to parse the following Kafka partition value in the provided offsets: '1.5'. Partition values for sink connectors need to be integers.",
    ],
    [
      'a boolean partition',
      { kafka_topic: 't1', kafka_partition: true },
      "Failed to parse the following Kafka partition value in the provided offsets: 'true'. Partition values for sink connectors need to be integers.",
    ],
    [
      'a partition with spaces around it',
      { kafka_topic: 't1', kafka_partition: ' 1' },
      "Failed to parse the following Kafka partition value in the provided offsets: ' 1'. Partition values for sink connectors need to be integers.",
    ],
    [
      'a partition beyond Java’s int',
      { kafka_topic: 't1', kafka_partition: 2147483648 },
      "Failed to parse the following Kafka partition value in the provided offsets: '2147483648'. Partition values for sink connectors need to be integers.",
    ],
  ])('rejects %s with Kafka’s message', (_, partition, message) => {
    expect(() => normaliseSinkOffsets(sinkEntry(partition))).toThrow(new BadRequestError(message));
  });

  it.each([
    ['an offset without kafka_offset', { position: 1 }, "The offset for a sink connector should either be null or contain the key 'kafka_offset'"],
    [
      'a non-numeric offset',
      { kafka_offset: 'x' },
      "Failed to parse the following Kafka offset value in the provided offsets: 'x'. Offset values for sink connectors need to be integers.",
    ],
    [
      'a null offset value',
      { kafka_offset: null },
      "Failed to parse the following Kafka offset value in the provided offsets: 'null'. Offset values for sink connectors need to be integers.",
    ],
    [
      'a boolean offset value',
      { kafka_offset: false },
      "Failed to parse the following Kafka offset value in the provided offsets: 'false'. Offset values for sink connectors need to be integers.",
    ],
    [
      'an offset beyond Java’s long',
      { kafka_offset: 9223372036854775808n },
      "Failed to parse the following Kafka offset value in the provided offsets: '9223372036854775808'. Offset values for sink connectors need to be integers.",
    ],
  ])('rejects %s with Kafka’s message', (_, offset, message) => {
    expect(() => normaliseSinkOffsets(sinkEntry({ kafka_topic: 't1', kafka_partition: 0 }, offset))).toThrow(new BadRequestError(message));
  });

  it('checks every entry', () => {
    const offsets = [...sinkEntry({ kafka_topic: 't1', kafka_partition: 0 }), ...sinkEntry({ kafka_topic: 't1' })];

    expect(() => normaliseSinkOffsets(offsets)).toThrow("must contain the keys 'kafka_topic' and 'kafka_partition'");
  });
});

describe('validateSourceOffsets', () => {
  it('accepts string keys with primitive values', () => {
    const offsets = [{ partition: { filename: 'a.txt', shard: 1 }, offset: { position: 30, done: false, note: null } }];

    expect(validateSourceOffsets(offsets)).toEqual(offsets);
  });

  it('keeps a null offset, which resets the partition', () => {
    expect(validateSourceOffsets([{ partition: { filename: 'a.txt' }, offset: null }])).toEqual([{ partition: { filename: 'a.txt' }, offset: null }]);
  });

  it('rejects a null partition', () => {
    expect(() => validateSourceOffsets([{ partition: null, offset: { position: 1 } }])).toThrow('Source partitions may not be null');
  });

  it('rejects a map inside a partition with Kafka’s message', () => {
    expect(() => validateSourceOffsets([{ partition: { file: { name: 'a' } }, offset: null }])).toThrow('Offsets may only contain primitive types as values, but field file contains MAP');
  });

  it('rejects an array inside an offset with Kafka’s message', () => {
    expect(() => validateSourceOffsets([{ partition: { file: 'a' }, offset: { positions: [1, 2] } }])).toThrow(
      'Offsets may only contain primitive types as values, but field positions contains ARRAY',
    );
  });
});
