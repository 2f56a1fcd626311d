import { describe, expect, it } from 'vitest';
import { DataError, RetriableError } from '#lib/errors';
import { countingPartition } from './fixtures/counting-source';
import { harness, producedIds, uniqueName } from './harness';

describe('failures in a source window', () => {
  it('retries a poll that failed with a RetriableError, with backoff', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name, { rows: '20' });
    let failures = 2;
    behaviour.beforePoll = () => {
      h.clock.advance(1_000);
      if (failures-- > 0) throw new RetriableError('source busy');
    };
    expect(await h.run(name)).toMatchObject({ outcome: 'completed', produced: 20 });
    expect(h.clock.sleeps).toEqual([300, 600]);
  });

  it('retries a send that failed with a retriable error, without losing or skipping a record', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name, { rows: '20' });
    h.producer.failNext(3);
    expect(await h.run(name)).toMatchObject({ outcome: 'completed', produced: 20 });
    expect(producedIds(h.producer.sent)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('ends the window cleanly when the broker stays unreachable, keeping what was acknowledged', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    behaviour.beforePoll = (_, next) => {
      h.clock.advance(1_000);
      if (next === 10) h.producer.failNext(1_000);
    };
    expect(await h.run(name)).toMatchObject({ outcome: 'completed', reason: 'retries-exhausted', continued: false });
    expect(await h.stores.offsets.get(name, countingPartition(name, 0))).toEqual({ row: 9 });
    expect(await h.herder.taskStatus(name, 0)).toMatchObject({ state: 'RUNNING' });
  });

  it('fails the task with its stack trace on a non-retriable poll error, after committing what Kafka acknowledged', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    behaviour.beforePoll = (_, next) => {
      h.clock.advance(1_000);
      if (next === 20) throw new DataError('row 20 is corrupt');
    };
    expect(await h.run(name, { context: { workerId: 'source-task/req-9' } })).toMatchObject({ outcome: 'failed', reason: 'error' });
    const status = await h.herder.taskStatus(name, 0);
    expect(status).toMatchObject({ state: 'FAILED', worker_id: 'source-task/req-9' });
    expect(status.trace).toMatch(/^org\.apache\.kafka\.connect\.errors\.DataException: row 20 is corrupt\n\tat /);
    expect(await h.stores.offsets.get(name, countingPartition(name, 0))).toEqual({ row: 19 });
    expect((await h.stores.leases.get(name, 0))?.expiresAt).toBe(0);
    expect(behaviour.stops).toBe(1);
  });

  it('fails the task when start() throws', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    behaviour.startError = new Error('no database');
    expect(await h.run(name)).toMatchObject({ outcome: 'failed', batches: 0 });
    expect((await h.herder.taskStatus(name, 0)).trace).toMatch(/^Error: no database/);
  });

  it('fails the task when a conversion error is not tolerated', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name, { 'value.converter': 'org.apache.kafka.connect.converters.IntegerConverter' });
    expect(await h.run(name)).toMatchObject({ outcome: 'failed' });
    expect((await h.herder.taskStatus(name, 0)).trace).toContain('Tolerance exceeded in error handler');
  });

  it('skips failed records under errors.tolerance=all, sends them to the DLQ and commits past them', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name, {
      rows: '3',
      'value.converter': 'org.apache.kafka.connect.converters.IntegerConverter',
      'errors.tolerance': 'all',
      'errors.deadletterqueue.topic.name': `${name}-dlq`,
    });
    expect(await h.run(name)).toMatchObject({ outcome: 'completed', produced: 0 });
    expect(h.producer.sent.map((r) => r.topic)).toEqual([`${name}-dlq`, `${name}-dlq`, `${name}-dlq`]);
    expect(await h.stores.offsets.get(name, countingPartition(name, 0))).toEqual({ row: 2 });
  });

  it('does not write FAILED over a newer generation', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    behaviour.beforePoll = async (_, next) => {
      h.clock.advance(1_000);
      if (next !== 10) return;
      await h.herder.restartTask(name, 0);
      throw new DataError('boom');
    };
    expect(await h.run(name)).toMatchObject({ outcome: 'stopped', reason: 'state-changed' });
    expect(await h.herder.taskStatus(name, 0)).toMatchObject({ state: 'UNASSIGNED' });
  });
});
