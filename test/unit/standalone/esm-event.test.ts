import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { decodeKafkaEvent } from '#lib/runtime/sink/msk-event';
import { chunks } from '#lib/standalone/esm-emulator';
import { eventBytes, kafkaEvent, type EmulatedMessage } from '#lib/standalone/esm-event';

const message = (offset: number, value: string | null, key: string | null = `k${offset}`): EmulatedMessage => ({
  topic: 'orders-eu',
  partition: 2,
  offset: String(offset),
  timestamp: String(1_700_000_000_000 + offset),
  key: key === null ? null : Buffer.from(key),
  value: value === null ? null : Buffer.from(value),
  headers: { trace: Buffer.from('abc'), multi: [Buffer.from('x'), Buffer.from('y')] },
});

describe('emulated ESM events', () => {
  it('have the MSK shape: group key, base64 key and value, byte-array headers, CREATE_TIME', () => {
    const event = kafkaEvent([message(5, 'v5'), message(6, null, null)], { bootstrapServers: ['b:9092'], clusterArn: 'arn:aws:kafka:r:a:cluster/c/1' });
    expect(event).toEqual({
      eventSource: 'aws:kafka',
      eventSourceArn: 'arn:aws:kafka:r:a:cluster/c/1',
      bootstrapServers: 'b:9092',
      records: {
        'orders-eu-2': [
          { topic: 'orders-eu', partition: 2, offset: 5, timestamp: 1_700_000_000_005, timestampType: 'CREATE_TIME', key: 'azU=', value: 'djU=', headers: [{ trace: [97, 98, 99] }, { multi: [120] }, { multi: [121] }] },
          { topic: 'orders-eu', partition: 2, offset: 6, timestamp: 1_700_000_000_006, timestampType: 'CREATE_TIME', value: null, headers: [{ trace: [97, 98, 99] }, { multi: [120] }, { multi: [121] }] },
        ],
      },
    });
  });

  it('are SelfManagedKafka events without a cluster ARN, and decode back to the same records', () => {
    const event = kafkaEvent([message(0, 'a'), message(1, 'b')], { bootstrapServers: ['b1:9092', 'b2:9092'] });
    expect([event.eventSource, event.bootstrapServers]).toEqual(['SelfManagedKafka', 'b1:9092,b2:9092']);
    const [partition] = decodeKafkaEvent(event).partitions;
    expect(partition?.records.map((r) => [r.topic, r.partition, r.offset, Buffer.from(r.value ?? []).toString(), r.headers.length])).toEqual([
      ['orders-eu', 2, 0n, 'a', 3],
      ['orders-eu', 2, 1n, 'b', 3],
    ]);
  });

  it('are cut at BatchSize records and at the payload cap, keeping offset order', () => {
    const messages = Array.from({ length: 10 }, (_, i) => ({ offset: String(i), value: Buffer.alloc(1000), key: null, timestamp: '0', attributes: 0, headers: {} }) as unknown as KafkaMessage);
    const convert = (m: KafkaMessage): EmulatedMessage => ({ topic: 't', partition: 0, offset: m.offset, timestamp: m.timestamp, key: null, value: m.value, headers: {} });
    expect([...chunks(messages, 4, 1e9, convert)].map((c) => c.map((m) => m.offset))).toEqual([['0', '1', '2', '3'], ['4', '5', '6', '7'], ['8', '9']]);
    const cap = 3 * eventBytes(convert(messages[0]!));
    expect([...chunks(messages, 100, cap, convert)].map((c) => c.length)).toEqual([3, 3, 3, 1]);
  });
});
