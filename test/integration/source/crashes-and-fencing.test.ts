/**
 * At-least-once under failure, on the real stand-ins: invocations killed at each phase, two
 * invocations racing for one task, and a zombie that lost its lease. What a kafkajs consumer reads
 * back is the evidence: no row missing, duplicates only from the batch that was not committed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedCrash } from '#lib/runtime/source/errors';
import type { WindowPhase } from '#lib/runtime/source/types';
import { COUNTING_SOURCE, countingBehaviour, countingPartition } from '#test/unit/runtime/source/fixtures/counting-source';
import { LEASE_TTL_MS, range, rowIds, useSourceStack, WORKER_ID, type SourceTestEnv } from './source-stack';

const stack = useSourceStack();
let env: SourceTestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

let counter = 0;
async function createCounter(): Promise<{ name: string; topic: string }> {
  counter += 1;
  const name = `fencing-${counter}-${Date.now()}`;
  const topic = `${name}-rows`;
  env = await stack.fresh();
  await env.rest('POST', '/connectors', { name, config: { 'connector.class': COUNTING_SOURCE, topic, rows: '50', 'batch.size': '10' } });
  return { name, topic };
}

function duplicates(ids: number[]): number[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i).sort((a, b) => a - b);
}

describe('crash injection', () => {
  it.each<[WindowPhase, number[]]>([
    ['after-poll', []],
    ['after-produce', range(20, 30)],
    ['after-commit', []],
  ])('loses no row when an invocation dies %s, and repeats only the uncommitted batch', async (phase, repeated) => {
    const { name, topic } = await createCounter();
    env!.onPhase = (p, info) => {
      if (p === phase && info.batch === 3 && info.invocationId === 'doomed') throw new SimulatedCrash(`killed ${phase}`);
    };
    await expect(env!.runWindow(name, 'doomed')).rejects.toBeInstanceOf(SimulatedCrash);
    expect(await env!.runWindow(name, 'too-early')).toMatchObject({ outcome: 'skipped', reason: 'lease-held' });
    env!.clock.advance(LEASE_TTL_MS);
    expect(await env!.runWindow(name, 'after-expiry')).toMatchObject({ outcome: 'completed', reason: 'idle', epoch: 2 });
    const ids = rowIds(await stack.readTopic(topic));
    expect([...new Set(ids)].sort((a, b) => a - b)).toEqual(range(0, 50));
    expect(duplicates(ids)).toEqual(repeated);
  });
});

describe('crash injection with batched commits', () => {
  it('loses no row when an invocation dies after polling ahead, and repeats only what was not committed', async () => {
    counter += 1;
    const name = `ahead-${counter}-${Date.now()}`;
    const topic = `${name}-rows`;
    env = await stack.fresh({ CONNECT_OFFSET_FLUSH_INTERVAL_MS: '60000' });
    await env.rest('POST', '/connectors', { name, config: { 'connector.class': COUNTING_SOURCE, topic, rows: '50', 'batch.size': '10' } });
    // Batch 3 is polled while batch 2 is in flight; nothing has been committed yet.
    env.onPhase = (p, info) => {
      if (p === 'after-poll' && info.batch === 3 && info.invocationId === 'doomed') throw new SimulatedCrash('killed after polling ahead');
    };
    await expect(env.runWindow(name, 'doomed')).rejects.toBeInstanceOf(SimulatedCrash);
    env.clock.advance(LEASE_TTL_MS);
    expect(await env.runWindow(name, 'after-expiry')).toMatchObject({ outcome: 'completed', reason: 'idle' });
    const ids = rowIds(await stack.readTopic(topic));
    expect([...new Set(ids)].sort((a, b) => a - b)).toEqual(range(0, 50));
    expect(duplicates(ids)).toEqual(range(0, 20)); // batch 2 was acknowledged before the invocation died, but not committed
  });
});

describe('ownership of a task', () => {
  it('lets only one of two concurrent invocations poll', async () => {
    const { name, topic } = await createCounter();
    const outcomes = await Promise.all([env!.runWindow(name, 'first'), env!.runWindow(name, 'second')]);
    expect(outcomes.map((o) => o.reason).sort()).toEqual(['idle', 'lease-held']);
    expect(countingBehaviour(name).starts).toEqual([0]);
    expect(rowIds(await stack.readTopic(topic))).toEqual(range(0, 50));
  });

  it('rejects the commit of a zombie that lost its lease, and the zombie stops', async () => {
    const { name, topic } = await createCounter();
    let successor: Promise<unknown> | undefined;
    env!.onPhase = async (phase, info) => {
      if (info.invocationId !== 'zombie' || phase !== 'after-produce' || info.batch !== 2) return;
      // The zombie stalls past its lease; a new invocation takes the task over and finishes it.
      env!.clock.advance(LEASE_TTL_MS);
      successor = env!.runWindow(name, 'successor');
      await successor;
    };
    const zombie = await env!.runWindow(name, 'zombie');
    expect(zombie).toMatchObject({ outcome: 'fenced', reason: 'lease-lost', batches: 2 });
    expect(await successor).toMatchObject({ outcome: 'completed', epoch: 2 });
    const ids = rowIds(await stack.readTopic(topic));
    expect(ids).toEqual([...range(0, 20), ...range(10, 50)]);
    expect((await env!.rest('GET', `/connectors/${name}/offsets`)).json.offsets).toEqual([{ partition: countingPartition(name, 0), offset: { row: 49 } }]);
    expect((await env!.rest('GET', `/connectors/${name}/tasks/0/status`)).json.worker_id).toBe(`${WORKER_ID}/successor`);
  });
});
