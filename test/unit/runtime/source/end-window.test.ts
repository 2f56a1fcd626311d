import { describe, expect, it } from 'vitest';
import { countingPartition } from './fixtures/counting-source';
import { harness, producedIds, uniqueName } from './harness';

describe('how a source window ends', () => {
  it('starts the next window at once when the task was still busy at the end', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name);
    expect(await h.run(name)).toMatchObject({ reason: 'time', continued: true });
    expect(h.invoker.invoked).toEqual([{ connector: name, taskId: 0, generation: 1 }]);
  });

  it('ends early at the first empty poll and leaves the rest to the next tick', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name, { rows: '15' });
    expect(await h.run(name)).toMatchObject({ outcome: 'completed', reason: 'idle', batches: 3, produced: 15, continued: false });
    expect(h.invoker.invoked).toEqual([]);
  });

  it('polls an idle task again after the connector poll.interval.ms when the window has room', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name, { rows: '10', 'poll.interval.ms': '1000' });
    expect(await h.run(name)).toMatchObject({ reason: 'idle', batches: 3 });
    expect(h.clock.sleeps).toEqual([1_000]);
  });

  it('releases the lease at the end, so the next invocation need not wait for it to expire', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name, { rows: '5' });
    await h.run(name);
    expect((await h.stores.leases.get(name, 0))?.expiresAt).toBe(0);
  });

  it('stops at the next batch boundary once the connector is paused, without committing that batch', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    behaviour.beforePoll = async (_, next) => {
      h.clock.advance(1_000);
      if (next === 20) await h.herder.pauseConnector(name);
    };
    const summary = await h.run(name);
    expect(summary).toMatchObject({ outcome: 'stopped', reason: 'state-changed', batches: 3, continued: false });
    expect(producedIds(h.producer.sent)).toHaveLength(30);
    expect(await h.stores.offsets.get(name, countingPartition(name, 0))).toEqual({ row: 19 });
    expect(await h.herder.taskStatus(name, 0)).toMatchObject({ state: 'PAUSED' });
    expect((await h.stores.leases.get(name, 0))?.expiresAt).toBe(0);
  });

  it('stops within one batch of a pause when commits are batched, committing nothing of the paused generation', async () => {
    const h = harness({ offsetFlushIntervalMs: 60_000 });
    const name = uniqueName();
    const behaviour = await h.create(name);
    behaviour.beforePoll = async (_, next) => {
      h.clock.advance(1_000);
      if (next === 20) await h.herder.pauseConnector(name);
    };
    // Batch 3 is polled while batch 2 is in flight; the check after batch 2 sees the pause, so batch 3 is never sent.
    expect(await h.run(name)).toMatchObject({ outcome: 'stopped', batches: 4, produced: 20, commits: 0 });
    expect(await h.stores.offsets.get(name, countingPartition(name, 0))).toBeUndefined();
  });

  it('resumes after a pause from the committed offset', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    behaviour.beforePoll = async (_, next) => {
      h.clock.advance(1_000);
      if (next === 20) await h.herder.pauseConnector(name);
    };
    await h.run(name);
    await h.herder.resumeConnector(name);
    behaviour.beforePoll = () => h.clock.advance(1_000);
    await h.run(name);
    expect(behaviour.starts).toEqual([0, 20]);
  });

  it('hands over to the new generation at once after a config change', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    behaviour.beforePoll = async (_, next) => {
      h.clock.advance(1_000);
      if (next === 10) await h.herder.patchConnectorConfig(name, { 'batch.size': '20' });
    };
    expect(await h.run(name)).toMatchObject({ outcome: 'stopped', reason: 'state-changed', continued: true });
    expect(h.invoker.invoked).toEqual([{ connector: name, taskId: 0, generation: 2 }]);
  });

  it('stops when the connector is deleted, and starts nothing', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    behaviour.beforePoll = async (_, next) => {
      h.clock.advance(1_000);
      if (next === 10) await h.herder.deleteConnector(name);
    };
    expect(await h.run(name)).toMatchObject({ outcome: 'stopped', reason: 'deleted', continued: false });
    expect(behaviour.stops).toBe(1);
  });

  it('ends after the current batch on shutdown, commits it and starts no successor', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    const shutdown = new AbortController();
    behaviour.beforePoll = (_, next) => {
      h.clock.advance(1_000);
      if (next === 10) shutdown.abort();
    };
    expect(await h.run(name, { context: { signal: shutdown.signal } })).toMatchObject({ reason: 'shutdown', batches: 2, continued: false });
    expect(await h.stores.offsets.get(name, countingPartition(name, 0))).toEqual({ row: 19 });
  });
});
