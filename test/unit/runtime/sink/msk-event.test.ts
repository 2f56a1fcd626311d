import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeKafkaEvent, splitPartitionKey, type KafkaEvent } from '#lib/runtime/sink/msk-event';
import { qualifierOf } from '#lib/runtime/sink/mapping-names';

const fixture = (name: string): KafkaEvent => JSON.parse(readFileSync(new URL(`../../../fixtures/msk/${name}`, import.meta.url), 'utf8')) as KafkaEvent;
const text = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString());

describe('decoding Kafka events', () => {
  it('groups an MSK event by partition, taking the partition after the last hyphen', () => {
    const batch = decodeKafkaEvent(fixture('msk-event.json'));
    expect(batch.source).toBe('msk');
    expect(batch.partitions.map((p) => [p.topic, p.partition, p.records.length])).toEqual([
      ['orders-v1', 0, 2],
      ['orders-v1', 3, 1],
    ]);
  });

  it('decodes base64 keys and values, byte-array headers, offsets and timestamp types', () => {
    const [first, second] = decodeKafkaEvent(fixture('msk-event.json')).partitions;
    const r = first!.records[0]!;
    expect([text(r.key), text(r.value), r.offset, r.timestamp, r.timestampType]).toEqual(['k10', '{"id":10,"name":"ten"}', 10n, 1700000000010, 'CREATE_TIME']);
    expect(r.headers.map((h) => [h.key, text(h.value)])).toEqual([['trace-id', 'abc-10']]);
    expect(first!.records[1]!.key).toBeNull();
    expect(second!.records[0]!.timestampType).toBe('LOG_APPEND_TIME');
  });

  it('decodes a self-managed Kafka event with a null value (tombstone)', () => {
    const batch = decodeKafkaEvent(fixture('self-managed-event.json'));
    expect(batch.source).toBe('self-managed');
    expect(batch.partitions[0]!.records.map((r) => text(r.value))).toEqual(['{"id":0,"name":"zero"}', null]);
  });

  it('tolerates a string partition, missing headers and a missing bootstrapServers', () => {
    const legacy = decodeKafkaEvent(fixture('msk-event-legacy.json')).partitions[0]!;
    expect([legacy.topic, legacy.partition, legacy.records[0]!.partition, legacy.records[0]!.headers]).toEqual(['my-topic', 2, 2, []]);
    const bare = decodeKafkaEvent(fixture('self-managed-event-no-headers.json')).partitions[0]!;
    expect([bare.topic, bare.records[0]!.key, bare.records[0]!.headers]).toEqual(['t', null, []]);
  });

  it('rejects a key without a partition and an event of another source', () => {
    expect(() => splitPartitionKey('topic')).toThrow(/Bad record group key/);
    expect(() => decodeKafkaEvent({ eventSource: 'aws:sqs' } as unknown as KafkaEvent)).toThrow(/Not a Kafka event/);
  });

  it('reads the alias from an alias-qualified function ARN', () => {
    expect(qualifierOf('arn:aws:lambda:us-east-1:123456789012:function:sink-task:lc-abc')).toBe('lc-abc');
    expect(qualifierOf('arn:aws:lambda:us-east-1:123456789012:function:sink-task')).toBeUndefined();
  });
});
