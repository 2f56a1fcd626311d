/** The batch loop's overlap: the next batch is polled while one is in flight, when no commit is due. */
import { describe, expect, it } from 'vitest';
import type { ProducerRecord, RecordMetadata } from '#lib/kafka/producer-port';
import { SimulatedCrash } from '#lib/runtime/source/errors';
import { countingPartition } from './fixtures/counting-source';
import { harness, producedIds, uniqueName, type Harness } from './harness';

/** Records every send's start and end, and runs `during` while the send is in flight. */
function observeSends(h: Harness, during: (batch: number) => void | Promise<void> = () => undefined): string[] {
  const events: string[] = [];
  const inner = h.deps.producer;
  let sends = 0;
  h.deps.producer = {
    async send(records: readonly ProducerRecord[]): Promise<RecordMetadata[]> {
      const batch = (sends += 1);
      events.push(`send ${batch}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await during(batch);
      const metadata = await inner.send(records);
      events.push(`acked ${batch}`);
      return metadata;
    },
  };
  return events;
}

describe('the batch loop', () => {
  it('polls the next batch while the previous one is in flight when no commit is due', async () => {
    const h = harness({ offsetFlushIntervalMs: 60_000 });
    const name = uniqueName();
    const behaviour = await h.create(name, { rows: '30' });
    const events = observeSends(h);
    behaviour.beforePoll = (_, next) => {
      h.clock.advance(1_000);
      events.push(`poll ${next / 10 + 1}`);
    };
    await h.run(name);
    expect(events.slice(0, 6)).toEqual(['poll 1', 'send 1', 'poll 2', 'acked 1', 'send 2', 'poll 3']);
    expect(producedIds(h.producer.sent)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('polls only after the previous batch was committed when a commit is due every batch', async () => {
    const h = harness({ offsetFlushIntervalMs: 0 });
    const name = uniqueName();
    const behaviour = await h.create(name, { rows: '20' });
    const events = observeSends(h);
    behaviour.beforePoll = (_, next) => {
      h.clock.advance(1_000);
      events.push(`poll ${next / 10 + 1}`);
    };
    await h.run(name);
    expect(events.slice(0, 5)).toEqual(['poll 1', 'send 1', 'acked 1', 'poll 2', 'send 2']);
  });

  it('commits only acknowledged records, in poll order, while batches are polled ahead', async () => {
    const h = harness({ offsetFlushIntervalMs: 2_500 });
    const name = uniqueName();
    await h.create(name, { rows: '60' });
    observeSends(h);
    const committed: number[] = [];
    const putFenced = h.stores.offsets.putFenced.bind(h.stores.offsets);
    h.stores.offsets.putFenced = async (connector, entries, fence) => {
      const row = entries[0]?.offset.row as number;
      expect(row).toBeLessThan(h.producer.sent.length); // Kafka acknowledged every record the commit covers
      committed.push(row);
      return putFenced(connector, entries, fence);
    };
    await h.run(name);
    expect(committed.length).toBeGreaterThan(1);
    expect(committed).toEqual([...committed].sort((a, b) => a - b));
    expect(await h.stores.offsets.get(name, countingPartition(name, 0))).toEqual({ row: h.producer.sent.length - 1 });
  });

  it('never calls into the task while a polled-ahead poll runs', async () => {
    const h = harness({ offsetFlushIntervalMs: 60_000 });
    const name = uniqueName();
    const behaviour = await h.create(name, { rows: '50' });
    observeSends(h);
    const overlapping: number[] = [];
    behaviour.beforePoll = async () => {
      h.clock.advance(1_000);
      const before = behaviour.commitRecords.length;
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (behaviour.commitRecords.length !== before) overlapping.push(before);
    };
    await h.run(name);
    expect(behaviour.commitRecords).toHaveLength(50);
    expect(overlapping).toEqual([]);
  });

  it('sends nothing more once a pause lands while a batch is in flight', async () => {
    const h = harness({ offsetFlushIntervalMs: 60_000 });
    const name = uniqueName();
    await h.create(name);
    observeSends(h, async (batch) => {
      if (batch === 2) await h.herder.pauseConnector(name);
    });
    expect(await h.run(name)).toMatchObject({ outcome: 'stopped', reason: 'state-changed', produced: 20, commits: 0 });
    expect(producedIds(h.producer.sent)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(await h.stores.offsets.get(name, countingPartition(name, 0))).toBeUndefined();
  });

  it('acknowledges nothing of the batch in flight when the invocation dies after polling ahead', async () => {
    const h = harness({ offsetFlushIntervalMs: 60_000 });
    const name = uniqueName();
    const behaviour = await h.create(name);
    observeSends(h);
    h.deps.hooks = { onPhase: (phase, info) => {
      if (phase === 'after-poll' && info.batch === 3) throw new SimulatedCrash('killed after polling ahead');
    } };
    await expect(h.run(name)).rejects.toBeInstanceOf(SimulatedCrash);
    expect(behaviour.commitRecords.map((r) => r.row)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(await h.stores.offsets.get(name, countingPartition(name, 0))).toBeUndefined();
  });
});
