import { describe, expect, it } from 'vitest';
import { SimulatedCrash } from '#lib/runtime/source/errors';
import { countingPartition } from './fixtures/counting-source';
import { harness, uniqueName } from './harness';

describe('fencing a zombie source window', () => {
  it('rejects the commit of an invocation whose lease was taken over, and stops it', async () => {
    const h = harness({ leaseTtlMs: 30_000 });
    const name = uniqueName();
    const behaviour = await h.create(name, { 'poll.window.ms': '60000' });
    let takeover: Promise<unknown> | undefined;
    behaviour.beforePoll = (_, next) => {
      h.clock.advance(1_000);
      if (next !== 10) return;
      // The zombie stalls past its lease; another invocation takes the task over and commits.
      h.clock.advance(31_000);
      behaviour.beforePoll = () => h.clock.advance(1_000);
      takeover = h.run(name, { context: { invocationId: 'successor', remainingTimeMs: 10_000 } });
    };
    const zombie = await h.run(name, { context: { invocationId: 'zombie' } });
    const successor = await takeover;
    expect(zombie).toMatchObject({ outcome: 'fenced', reason: 'lease-lost', epoch: 1 });
    expect(successor).toMatchObject({ outcome: 'completed', epoch: 2 });
    expect(await h.herder.taskStatus(name, 0)).toMatchObject({ worker_id: 'source-task/successor' });
    expect((await h.stores.leases.get(name, 0))?.owner).toBe('successor');
  });

  it('does not touch status, lease or offsets once fenced', async () => {
    const h = harness({ leaseTtlMs: 30_000 });
    const name = uniqueName();
    const behaviour = await h.create(name, { 'poll.window.ms': '60000' });
    behaviour.beforePoll = async (_, next) => {
      h.clock.advance(1_000);
      if (next !== 10) return;
      h.clock.advance(31_000);
      await h.stores.leases.acquire({ connector: name, taskId: 0, owner: 'other', generation: 1, now: h.clock.now(), ttlMs: 30_000 });
    };
    expect(await h.run(name, { context: { invocationId: 'zombie' } })).toMatchObject({ outcome: 'fenced' });
    expect(await h.stores.offsets.get(name, countingPartition(name, 0))).toEqual({ row: 9 });
    expect((await h.stores.leases.get(name, 0))?.owner).toBe('other');
    expect(behaviour.stops).toBe(1);
  });

  it('stops when a newer fence already holds its partition', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    behaviour.beforePoll = async (_, next) => {
      h.clock.advance(1_000);
      const record = await h.stores.configs.get(name);
      if (next === 10 && record) {
        await h.stores.offsets.putFenced(name, [{ partition: countingPartition(name, 0), offset: { row: 500 } }], { incarnation: record.incarnation, generation: 1, epoch: 99 });
      }
    };
    expect(await h.run(name)).toMatchObject({ outcome: 'fenced', reason: 'offsets-fenced' });
    expect(await h.stores.offsets.get(name, countingPartition(name, 0))).toEqual({ row: 500 });
  });

  it.each(['after-poll', 'after-produce', 'after-commit'] as const)('dies without any cleanup on a crash %s', async (phase) => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    h.deps.hooks = { onPhase: (p, info) => { if (p === phase && info.batch === 2) throw new SimulatedCrash(); } };
    await expect(h.run(name)).rejects.toBeInstanceOf(SimulatedCrash);
    expect(behaviour.stops).toBe(0);
    expect((await h.stores.leases.get(name, 0))?.expiresAt).toBeGreaterThan(h.clock.now());
    const committed = await h.stores.offsets.get(name, countingPartition(name, 0));
    expect(committed).toEqual({ row: phase === 'after-commit' ? 19 : 9 });
  });

  it('lets the next window take over a crashed one once the lease expired, from the committed offset', async () => {
    const h = harness({ leaseTtlMs: 30_000 });
    const name = uniqueName();
    const behaviour = await h.create(name);
    h.deps.hooks = { onPhase: (p, info) => { if (p === 'after-produce' && info.batch === 2) throw new SimulatedCrash(); } };
    await expect(h.run(name)).rejects.toBeInstanceOf(SimulatedCrash);
    h.deps.hooks = undefined;
    expect(await h.run(name)).toMatchObject({ outcome: 'skipped', reason: 'lease-held' });
    h.clock.advance(30_000);
    expect(await h.run(name)).toMatchObject({ outcome: 'completed', epoch: 2 });
    expect(behaviour.starts).toEqual([0, 10]);
  });
});
