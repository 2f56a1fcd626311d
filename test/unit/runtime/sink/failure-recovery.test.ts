import { describe, expect, it } from 'vitest';
import { ConnectError, InternalError, RetriableError } from '#lib/errors';
import { retriableCause } from '#lib/runtime/sink/failure-policy';
import { partitionOf, sinkHarness, uniqueSink } from './harness';

describe('a sink task that goes FAILED', () => {
  it('is handed to automatic recovery with the incarnation and generation it ran under, after FAILED was written', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name, { 'errors.retry.timeout': '1000' });
    sink.putError = () => new RetriableError('database down');
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])])).rejects.toThrow();
    h.clock.advance(2_000);
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])])).rejects.toThrow();
    const record = await h.stores.configs.get(name);
    expect(h.recovered).toEqual([{ connector: name, taskId: 0, incarnation: record?.incarnation, generation: record?.generation, error: expect.any(RetriableError) }]);
    expect((await h.stores.statuses.getTask(name, 0))?.state).toBe('FAILED');
  });

  it('hands recovery the retriable cause when the task gave up after exhausting its own retries', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name);
    const lost = new RetriableError('Connection terminated unexpectedly');
    sink.putError = () => new InternalError('Failing task after exhausting retries (max.retries=0)', { cause: lost });
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])])).rejects.toThrow(/exhausting retries/);
    expect(h.recovered.map((f) => f.error)).toEqual([lost]);
  });

  it('hands recovery a poison record failure as it is, not retriable', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    await h.create(name);
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, ['not json'])])).rejects.toThrow(/Tolerance exceeded/);
    expect(h.recovered).toHaveLength(1);
    expect(h.recovered[0]?.error).toBeInstanceOf(ConnectError);
    expect((h.recovered[0]?.error as ConnectError).retriable).toBe(false);
  });

  it('is not handed to recovery while the mapping still retries a retriable failure', async () => {
    const h = sinkHarness();
    const name = uniqueSink();
    const sink = await h.create(name);
    sink.putError = () => new RetriableError('database busy');
    await expect(h.deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}'])])).rejects.toThrow();
    expect(h.recovered).toEqual([]);
  });
});

describe('retriableCause', () => {
  it('finds a retriable error in the cause chain, or nothing', () => {
    const root = new RetriableError('gone');
    expect(retriableCause(new Error('outer', { cause: new InternalError('mid', { cause: root }) }))).toBe(root);
    expect(retriableCause(new InternalError('bad', { cause: new Error('plain') }))).toBeUndefined();
    expect(retriableCause('text')).toBeUndefined();
  });
});
