import { describe, expect, it } from 'vitest';
import { RetriableError } from '#lib/errors';
import { partitionOf, sinkHarness, uniqueSink } from './harness';

/** Schemaless JSON values arrive as Maps with bigint integers; compared as plain objects. */
const plain = (v: unknown): unknown => (v instanceof Map ? Object.fromEntries([...v].map(([k, x]) => [k, typeof x === 'bigint' ? Number(x) : x])) : v);
const sinkValues = (b: { put: Array<{ records: Array<{ value: unknown }> }> }) => b.put.flatMap((p) => p.records.map((r) => plain(r.value)));

describe('a sink batch', () => {
  it('is converted, put and flushed, and its next offsets are recorded', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name);
    const summary = await h.deliver(name, [partitionOf('orders', 0, 5, ['{"id":5}', '{"id":6}'])]);
    expect(summary).toMatchObject({ connector: name, outcome: 'completed', records: 2, put: 2, offsets: { 'orders-0': '7' } });
    expect(sinkValues(sink)).toEqual([{ id: 5 }, { id: 6 }]);
    expect(sink.opened).toEqual([{ topic: 'orders', partition: 0 }]);
    expect(sink.flushed).toHaveLength(1);
    expect(await h.stores.offsets.list(name)).toEqual([{ partition: { kafka_topic: 'orders', kafka_partition: 0 }, offset: { kafka_offset: 7 } }]);
  });

  it('marks the task RUNNING and keeps it started between batches', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name);
    await h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])]);
    await h.deliver(name, [partitionOf('orders', 0, 1, ['{"id":1}'])]);
    expect(sink.starts).toHaveLength(1);
    expect(sink.opened).toHaveLength(1);
    expect((await h.stores.statuses.getTask(name, 0))?.state).toBe('RUNNING');
  });

  it('spreads partitions over tasks by partition number modulo tasks.max', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name, { 'tasks.max': '2' });
    await h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}']), partitionOf('orders', 1, 0, ['{"id":1}']), partitionOf('orders', 2, 0, ['{"id":2}'])]);
    const byTask = Object.fromEntries(sink.put.map((p) => [p.task, p.records.map((r) => r.kafkaPartition)]));
    expect(byTask).toEqual({ '0': [0, 2], '1': [1] });
  });

  it('restarts the task when the connector config changes', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name);
    await h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])]);
    await h.herder.putConnectorConfig(name, { 'connector.class': 'org.example.RecordingSinkConnector', topics: 'orders', 'value.converter': 'org.apache.kafka.connect.json.JsonConverter', 'value.converter.schemas.enable': 'false', 'key.converter': 'org.apache.kafka.connect.storage.StringConverter' });
    await h.deliver(name, [partitionOf('orders', 0, 1, ['{"id":1}'])]);
    expect([sink.starts.length, sink.stops]).toEqual([2, 1]);
  });
});

describe('a batch that cannot be handled now', () => {
  it('is refused for a paused connector, without touching the task', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name);
    await h.herder.pauseConnector(name);
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])])).rejects.toThrow(/PAUSED/);
    expect(sink.starts).toEqual([]);
  });

  it('is refused for an unknown alias (a deleted connector)', async () => {
    const h = sinkHarness();
    await expect(h.deliver('never-created', [partitionOf('orders', 0, 0, ['{"id":0}'])])).rejects.toThrow(/No sink connector has the alias/);
  });
});

describe('failures', () => {
  it('with errors.tolerance=all, sends the poison record to the DLQ with the error headers and completes', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name, { 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'dlq', 'errors.deadletterqueue.context.headers.enable': 'true' });
    const summary = await h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}', 'not json', '{"id":2}'])]);
    expect(summary).toMatchObject({ put: 2, failed: 1, offsets: { 'orders-0': '3' } });
    expect(sinkValues(sink)).toEqual([{ id: 0 }, { id: 2 }]);
    expect(h.producer.sent.map((r) => [r.topic, Buffer.from(r.value ?? []).toString()])).toEqual([['dlq', 'not json']]);
    const headers = h.producer.sent[0]!.headers?.map((x) => x.key) ?? [];
    expect(headers).toEqual(expect.arrayContaining(['__connect.errors.topic', '__connect.errors.partition', '__connect.errors.offset', '__connect.errors.exception.class.name']));
  });

  it('with errors.tolerance=none, fails the batch, the task and its mappings, and records no offset', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name);
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}', 'not json'])])).rejects.toThrow(/Tolerance exceeded/);
    expect(sink.put).toEqual([]);
    expect(await h.stores.offsets.list(name)).toEqual([]);
    const status = await h.stores.statuses.getTask(name, 0);
    expect([status?.state, status?.trace]).toEqual(['FAILED', expect.stringContaining('Tolerance exceeded')]);
    expect(h.disabled).toEqual([name]);
  });

  it('refuses every later batch of a FAILED task until it is restarted', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name);
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, ['bad'])])).rejects.toThrow();
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])])).rejects.toThrow(/FAILED/);
    await h.herder.restartTask(name, 0);
    await h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])]);
    expect(sinkValues(sink)).toEqual([{ id: 0 }]);
  });

  it('lets the mapping retry a retriable put failure, and keeps the task RUNNING', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name);
    let failures = 1;
    sink.putError = () => (failures-- > 0 ? new RetriableError('database busy') : undefined);
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])])).rejects.toThrow(/database busy/);
    expect((await h.stores.statuses.getTask(name, 0))?.extra).toMatchObject({ retrying_since: expect.any(Number) });
    await h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])]);
    const status = await h.stores.statuses.getTask(name, 0);
    expect([status?.state, status?.extra]).toEqual(['RUNNING', undefined]);
    expect(h.disabled).toEqual([]);
  });

  it('fails the task once errors.retry.timeout has passed since the first retriable failure', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name, { 'errors.retry.timeout': '60000' });
    sink.putError = () => new RetriableError('database down');
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])])).rejects.toThrow();
    h.clock.advance(30_000);
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])])).rejects.toThrow();
    expect((await h.stores.statuses.getTask(name, 0))?.state).toBe('RUNNING');
    h.clock.advance(31_000);
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])])).rejects.toThrow();
    expect((await h.stores.statuses.getTask(name, 0))?.state).toBe('FAILED');
    expect(h.disabled).toEqual([name]);
  });

  it('fails the task at once on a non-retriable put error', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name);
    sink.putError = () => new Error('constraint violated');
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])])).rejects.toThrow(/constraint/);
    expect((await h.stores.statuses.getTask(name, 0))?.state).toBe('FAILED');
  });
});
