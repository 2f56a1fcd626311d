import { describe, expect, it } from 'vitest';
import { deadlineGuard, SinkDeadlineError, slicesOf, SLICE_RECORDS } from '#lib/runtime/sink/batch-deadline';
import { partitionOf, sinkHarness, uniqueSink } from './harness';

const values = (from: number, count: number) => Array.from({ length: count }, (_, i) => `{"id":${from + i}}`);
const ids = (records: Array<{ value: unknown }>) => records.map((r) => Number((r.value as Map<string, bigint>).get('id')));

describe('slicesOf', () => {
  it('keeps a batch of up to SLICE_RECORDS records, of any number of partitions, in one slice', () => {
    const partitions = [partitionOf('t', 0, 0, values(0, 600)), partitionOf('t', 1, 0, values(0, SLICE_RECORDS - 600))];
    expect(slicesOf(partitions)).toEqual([partitions]);
  });

  it('cuts larger batches into slices of SLICE_RECORDS records, in partition and offset order', () => {
    const slices = slicesOf([partitionOf('t', 0, 0, values(0, 5)), partitionOf('t', 1, 0, values(0, 4))], 3);
    expect(slices.map((s) => s.map((p) => `${p.partition}:${p.records.map((r) => r.offset).join(',')}`))).toEqual([['0:0,1,2'], ['0:3,4', '1:0'], ['1:1,2,3']]);
  });
});

describe('deadlineGuard', () => {
  it('always lets the first slice start, then only slices that leave the reserve, judged by the slowest so far', () => {
    let now = 0;
    const guard = deadlineGuard(() => now, 100_000, 100_000); // reserve: a quarter, 25 s
    now = 90_000;
    expect(guard.mayStart()).toBe(true);
    guard.finished(0);
    now = 10_000;
    expect(guard.mayStart()).toBe(false);
  });

  it('lets every slice start when the remaining time is not a number', () => {
    const guard = deadlineGuard(() => 0, Number.NaN, Number.NaN);
    guard.finished(0);
    expect(guard.mayStart()).toBe(true);
  });

  it('keeps at most 30 s in reserve', () => {
    let now = 0;
    const guard = deadlineGuard(() => now, 840_000, 840_000);
    now = 1_000;
    guard.finished(0);
    now = 809_000;
    expect(guard.mayStart()).toBe(true);
    now = 809_001;
    expect(guard.mayStart()).toBe(false);
  });
});

describe('a sink batch near the invocation deadline', () => {
  async function slowSink() {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name);
    sink.putError = () => {
      h.clock.advance(100_000); // every put takes 100 s
      return undefined;
    };
    return { h, name, sink };
  }

  it('stops between slices, flushes and records what was put, and rejects so that the mapping delivers the batch again', async () => {
    const { h, name, sink } = await slowSink();
    const batch = [partitionOf('orders', 0, 0, values(0, 2_500))];
    const outcome = h.deliver(name, batch, { remainingTimeMs: 200_000 });
    await expect(outcome).rejects.toBeInstanceOf(SinkDeadlineError);
    await expect(outcome).rejects.toThrow(/1500 of 2500 records left/);
    expect(sink.put.map((p) => p.records.length)).toEqual([1_000]);
    expect(sink.flushed.map((f) => [...f.values()].map((o) => o.offset.offset))).toEqual([[1_000n]]);
    expect(await h.stores.offsets.list(name)).toEqual([{ partition: { kafka_topic: 'orders', kafka_partition: 0 }, offset: { kafka_offset: 1_000 } }]);
  });

  it('is no task failure: the task stays RUNNING and nothing is handed to recovery', async () => {
    const { h, name } = await slowSink();
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, values(0, 2_500))], { remainingTimeMs: 200_000 })).rejects.toBeInstanceOf(SinkDeadlineError);
    const status = await h.stores.statuses.getTask(name, 0);
    expect([status?.state, status?.extra, h.disabled, h.recovered]).toEqual(['RUNNING', undefined, [], []]);
  });

  it('puts only the rest when the same task instance gets the batch again', async () => {
    const { h, name, sink } = await slowSink();
    const batch = [partitionOf('orders', 0, 0, values(0, 2_500))];
    await expect(h.deliver(name, batch, { remainingTimeMs: 200_000 })).rejects.toThrow();
    const summary = await h.deliver(name, batch);
    expect(sink.put.map((p) => [ids(p.records)[0], p.records.length])).toEqual([[0, 1_000], [1_000, 1_000], [2_000, 500]]);
    expect(summary.offsets).toEqual({ 'orders-0': '2500' });
  });

  it('puts everything when offsets went backwards after a deadline stop (topic recreated): skipping never loses a record', async () => {
    const { h, name, sink } = await slowSink();
    await expect(h.deliver(name, [partitionOf('orders', 0, 500, values(0, 2_500))], { remainingTimeMs: 200_000 })).rejects.toThrow();
    sink.put.length = 0;
    const summary = await h.deliver(name, [partitionOf('orders', 0, 0, values(0, 1_200))]);
    expect(sink.put.map((p) => [ids(p.records)[0], p.records.length])).toEqual([[0, 1_000], [1_000, 200]]);
    expect(summary.put).toBe(1_200);
  });

  it('puts everything of a later batch that starts inside the range flushed before', async () => {
    const { h, name, sink } = await slowSink();
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, values(0, 2_500))], { remainingTimeMs: 200_000 })).rejects.toThrow();
    sink.put.length = 0;
    await h.deliver(name, [partitionOf('orders', 0, 10, values(10, 20))]);
    expect(sink.put.map((p) => [ids(p.records)[0], p.records.length])).toEqual([[10, 20]]);
  });

  it('forgets what it flushed once an invocation succeeded: the same offsets again are put again', async () => {
    const { h, name, sink } = await slowSink();
    const batch = [partitionOf('orders', 0, 0, values(0, 10))];
    await h.deliver(name, batch);
    await h.deliver(name, batch);
    expect(sink.put.map((p) => p.records.length)).toEqual([10, 10]);
  });

  it('always puts the first slice, however little time is left', async () => {
    const { h, name, sink } = await slowSink();
    const summary = await h.deliver(name, [partitionOf('orders', 0, 0, values(0, 10))], { remainingTimeMs: 1 });
    expect([summary.put, sink.put.length]).toEqual([10, 1]);
  });
});
