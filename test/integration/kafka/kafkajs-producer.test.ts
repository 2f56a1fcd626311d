import { afterEach, describe, expect, it } from 'vitest';
import { createKafkaProducer, type KafkaProducer } from '#lib/kafka/kafkajs-producer';
import { linearGroupingInstalled } from '#lib/kafka/kafkajs-group-messages';
import { produceRequestEncodings } from '#lib/kafka/kafkajs-produce-request';
import { requestFramingInstalled } from '#lib/kafka/kafkajs-request-framing';
import type { ProducerRecord, RecordMetadata } from '#lib/kafka/producer-port';
import { useTestKafka, type ConsumedMessage } from '#test/support/kafka';

const kafka = useTestKafka();
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const producers: KafkaProducer[] = [];

function producer(options: Omit<Parameters<typeof createKafkaProducer>[0], 'connection'> = {}): KafkaProducer {
  const p = createKafkaProducer({ connection: kafka().connection, ...options });
  producers.push(p);
  return p;
}

afterEach(async () => {
  await Promise.all(producers.splice(0).map((p) => p.close()));
});

function records(topic: string, count: number): ProducerRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    topic,
    key: i % 3 === 0 ? null : text(`key-${i % 17}`),
    value: i % 50 === 49 ? null : text(`value-${i}`),
    headers: [
      { key: 'id', value: text(String(i)) },
      { key: 'nothing', value: null },
      { key: 'tag', value: text('a') },
      { key: 'tag', value: text('b') },
    ],
    ...(i % 2 === 0 ? { timestamp: 1_700_000_000_000 + i } : {}),
  }));
}

const idOf = (m: ConsumedMessage): number => Number(m.headers.find((h) => h.key === 'id')?.value?.toString());

describe('kafkajs producer against the embedded mock cluster', () => {
  it('writes a few hundred records with the idempotent producer (its InitProducerId reaches a broker through the controller fallback), with headers, null keys and tombstones, as a consumer reads them', async () => {
    const topic = kafka().unique('produce');
    const sent = records(topic, 300);
    const before = produceRequestEncodings();

    await producer().send(sent);
    // Every request went through our one-pass encoder (produce-request-encoder.ts), none fell back to kafkajs's.
    const after = produceRequestEncodings();
    expect(after.onePass).toBeGreaterThan(before.onePass);
    expect(after.kafkajs).toBe(before.kafkajs);
    // …and kafkajs grouped the messages by partition and framed the requests with ours.
    expect(linearGroupingInstalled()).toBe(true);
    expect(requestFramingInstalled()).toBe(true);
    const consumed = (await kafka().consume(topic, 300, 60_000)).sort((a, b) => idOf(a) - idOf(b));

    expect(consumed).toHaveLength(300);
    consumed.forEach((m, i) => {
      const r = sent[i] as ProducerRecord;
      expect(m.key === null ? null : new Uint8Array(m.key)).toEqual(r.key);
      expect(m.value === null ? null : new Uint8Array(m.value)).toEqual(r.value);
      expect(m.headers.map((h) => [h.key, h.value === null ? null : h.value.toString()])).toEqual([['id', String(i)], ['nothing', null], ['tag', 'a'], ['tag', 'b']]);
      if (r.timestamp !== undefined) expect(m.timestamp).toBe(r.timestamp);
    });
  }, 90_000);

  it('returns, per record and in order, the partition and offset where a consumer finds it', async () => {
    const topic = kafka().unique('metadata');
    const sent = records(topic, 200);

    const metadata = await producer().send(sent);
    const consumed = await kafka().consume(topic, 200, 60_000);

    const whereConsumed = new Map(consumed.map((m) => [idOf(m), `${m.partition}@${m.offset}`]));
    expect(metadata.map((m, i) => [i, `${m.partition}@${m.offset}`])).toEqual(sent.map((_, i) => [i, whereConsumed.get(i)]));
    expect(metadata.every((m) => m.topic === topic)).toBe(true);
  }, 90_000);

  it('keeps per-record offsets right when max.request.size splits a send into several requests', async () => {
    const topic = kafka().unique('chunks');
    const sent = records(topic, 120).map((r) => ({ ...r, value: new Uint8Array(400).fill(7) }));

    const metadata = await producer({ overrides: { 'max.request.size': '5000' } }).send(sent);
    const consumed = await kafka().consume(topic, 120, 60_000);

    const whereConsumed = new Map(consumed.map((m) => [idOf(m), `${m.partition}@${m.offset}`]));
    expect(metadata.map((m) => `${m.partition}@${m.offset}`)).toEqual(sent.map((_, i) => whereConsumed.get(i)));
  }, 90_000);

  it('writes records to the partition they name', async () => {
    const topic = kafka().unique('partition');

    const metadata = await producer().send([0, 1, 2, 3, 2].map((partition) => ({ topic, partition, key: null, value: text('v'), headers: [] })));

    expect(metadata.map((m) => [m.partition, m.offset])).toEqual([[0, 0n], [1, 0n], [2, 0n], [3, 0n], [2, 1n]]);
  }, 60_000);

  it('sends records of several topics in one call, metadata still in input order', async () => {
    const [a, b] = [kafka().unique('multi-a'), kafka().unique('multi-b')];
    const sent = [a, b, a, b, a].map((topic) => ({ topic, partition: 0, key: null, value: text(topic), headers: [] }));

    const metadata: RecordMetadata[] = await producer().send(sent);

    expect(metadata.map((m) => [m.topic, m.offset])).toEqual([[a, 0n], [b, 0n], [a, 1n], [b, 1n], [a, 2n]]);
  }, 60_000);

  it('compresses with gzip when compression.type=gzip, and the records read back unchanged', async () => {
    const topic = kafka().unique('gzip');

    await producer({ overrides: { 'compression.type': 'gzip' } }).send(records(topic, 50));
    const consumed = await kafka().consume(topic, 50, 60_000);

    expect(consumed.map(idOf).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  }, 90_000);

  it('produces without idempotence and with acks=1 when configured so', async () => {
    const topic = kafka().unique('acks1');

    const metadata = await producer({ idempotent: false, overrides: { acks: '1' } }).send([{ topic, partition: 1, key: null, value: text('x'), headers: [] }]);

    expect(metadata).toEqual([expect.objectContaining({ topic, partition: 1, offset: 0n })]);
  }, 60_000);

  it("reports the broker's log append time as the record timestamp when it sends one (the mock always sends 1234)", async () => {
    const topic = kafka().unique('timestamps');

    const [metadata] = await producer().send([{ topic, key: null, value: text('x'), headers: [], timestamp: 1_700_000_000_000 }]);

    expect(metadata?.timestamp).toBe(1234);
  }, 60_000);

  it('rejects a send to an unreachable broker with a retriable ConnectError', async () => {
    const unreachable = createKafkaProducer({ connection: { brokers: ['127.0.0.1:1'], connectionTimeoutMs: 500 }, idempotent: false, overrides: { retries: '0' } });
    producers.push(unreachable);

    const error = await unreachable.send([{ topic: 't', key: null, value: text('x'), headers: [] }]).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'KafkaClientError', retriable: true });
  }, 60_000);
});
