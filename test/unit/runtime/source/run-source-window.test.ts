import { describe, expect, it } from 'vitest';
import { countingPartition } from './fixtures/counting-source';
import { harness, producedIds, uniqueName } from './harness';

describe('a source window', () => {
  it('polls until poll.window.ms is over and sends every row in JsonConverter format', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name);
    const summary = await h.run(name);
    expect(summary).toMatchObject({ outcome: 'completed', reason: 'time', batches: 5, polled: 50, produced: 50 });
    expect(producedIds(h.producer.sent)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const [first] = h.producer.sent;
    expect(first?.topic).toBe(`${name}-rows`);
    expect(Buffer.from(first?.key ?? []).toString()).toBe('{"schema":{"type":"string","optional":false},"payload":"row-0"}');
  });

  it('commits the offset of the last acknowledged row of each source partition', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name, { 'tasks.max': '2' });
    await h.run(name, { taskId: 0 });
    await h.run(name, { taskId: 1 });
    expect(await h.stores.offsets.list(name)).toEqual([
      { partition: countingPartition(name, 0), offset: { row: 49 } },
      { partition: countingPartition(name, 1), offset: { row: 49 } },
    ]);
  });

  it('resumes the next window after the committed offset', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    await h.run(name);
    await h.run(name);
    expect(behaviour.starts).toEqual([0, 50]);
    expect(producedIds(h.producer.sent)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('reports the task RUNNING with the invocation as its worker', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name);
    await h.run(name, { context: { invocationId: 'req-7', workerId: 'source-task/req-7' } });
    expect(await h.herder.taskStatus(name, 0)).toEqual({ id: 0, state: 'RUNNING', worker_id: 'source-task/req-7' });
  });

  it('calls commitRecord with Kafka metadata for every record, then commit and stop', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name, { rows: '3' });
    await h.run(name);
    expect(behaviour.commitRecords.map(({ row, metadata }) => [row, metadata?.offset])).toEqual([[0, 0n], [1, 1n], [2, 2n]]);
    expect(behaviour.commits).toBe(1);
    expect(behaviour.stops).toBe(1);
  });

  it('commits per offset.flush.interval.ms, and always at the end of the window', async () => {
    const h = harness({ offsetFlushIntervalMs: 60_000 });
    const name = uniqueName();
    await h.create(name);
    expect(await h.run(name)).toMatchObject({ batches: 5, commits: 1 });
    const everyBatch = harness({ offsetFlushIntervalMs: 0 });
    await everyBatch.create(name);
    expect(await everyBatch.run(name)).toMatchObject({ batches: 5, commits: 5 });
  });

  it('counts records dropped by a transformation as done', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name, { rows: '5', transforms: 'drop', 'transforms.drop.type': 'org.apache.kafka.connect.transforms.Filter' });
    await h.run(name);
    expect(h.producer.sent).toEqual([]);
    expect(behaviour.commitRecords.map((c) => c.metadata)).toEqual([null, null, null, null, null]);
    expect(await h.stores.offsets.get(name, countingPartition(name, 0))).toEqual({ row: 4 });
  });

  it('records each topic it produced to for GET /connectors/{name}/topics', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name, { rows: '5' });
    await h.run(name);
    expect(await h.herder.connectorTopics(name)).toEqual([`${name}-rows`]);
  });

  it('records no topic when topic tracking is disabled', async () => {
    const h = harness({ topicTrackingEnabled: false });
    const name = uniqueName();
    await h.create(name, { rows: '5' });
    await h.run(name);
    expect(await h.stores.topics.list(name)).toEqual([]);
  });

  it('asks the topic creator once per new topic per window, before sending to it', async () => {
    const h = harness();
    const asked: string[][] = [];
    h.deps.topicCreation = () => ({ ensureTopics: async (topics) => void asked.push([...topics, `sent before: ${h.producer.sent.length}`]) });
    const name = uniqueName();
    await h.create(name);
    await h.run(name);
    expect(asked).toEqual([[`${name}-rows`, 'sent before: 0']]);
  });

  it('reads poll.window.ms from the connector config, capped by the invocation time minus the safety margin', async () => {
    const h = harness({ safetyMarginMs: 10_000 });
    const name = uniqueName();
    await h.create(name, { 'poll.window.ms': '60000' });
    expect(await h.run(name, { context: { remainingTimeMs: 13_000 } })).toMatchObject({ batches: 3, reason: 'time' });
  });
});
