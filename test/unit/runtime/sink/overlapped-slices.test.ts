import { describe, expect, it } from 'vitest';
import { deadlineGuard } from '#lib/runtime/sink/batch-deadline';
import { putSlicesOverlapped } from '#lib/runtime/sink/overlapped-slices';

const always = deadlineGuard(() => 0, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('putSlicesOverlapped', () => {
  it('prepares the next slice while the current put is pending, and puts strictly in order', async () => {
    const events: string[] = [];
    const puts = [deferred(), deferred(), deferred()];
    const run = putSlicesOverlapped(
      [0, 1, 2],
      {
        prepare: async (s) => (events.push(`prepare ${s}`), s),
        put: async (s) => (events.push(`put ${s}`), puts[s]!.promise.then(() => void events.push(`put ${s} done`))),
      },
      always,
      () => 0,
    );
    await new Promise((r) => setTimeout(r, 5));
    expect(events).toEqual(['prepare 0', 'put 0', 'prepare 1']);
    puts[0]!.resolve();
    await new Promise((r) => setTimeout(r, 5));
    expect(events.slice(3)).toEqual(['put 0 done', 'put 1', 'prepare 2']);
    puts[1]!.resolve();
    puts[2]!.resolve();
    expect(await run).toBe(3);
    expect(events.filter((e) => e.startsWith('put') && !e.endsWith('done'))).toEqual(['put 0', 'put 1', 'put 2']);
  });

  it('stops before a put the guard refuses and drops the slice prepared ahead', async () => {
    let now = 0;
    const guard = deadlineGuard(() => now, 200, 200);
    const put: number[] = [];
    const done = await putSlicesOverlapped([0, 1, 2], { prepare: async (s) => s, put: async (s) => void (put.push(s), (now += 100)) }, guard, () => now);
    expect([done, put]).toEqual([1, [0]]);
  });

  it('lets a failing put win, and leaves nothing prepared running', async () => {
    let preparedDone = false;
    const run = putSlicesOverlapped(
      [0, 1],
      {
        prepare: async (s) => {
          if (s === 1) await new Promise((r) => setTimeout(r, 20)).then(() => (preparedDone = true));
          return s;
        },
        put: async (s) => {
          if (s === 0) throw new Error('database gone');
        },
      },
      always,
      () => 0,
    );
    await expect(run).rejects.toThrow('database gone');
    expect(preparedDone).toBe(true);
  });

  it('surfaces a failing prepare of a later slice after the put before it finished', async () => {
    const put: number[] = [];
    const run = putSlicesOverlapped(
      [0, 1],
      {
        prepare: async (s) => {
          if (s === 1) throw new Error('poison record');
          return s;
        },
        put: async (s) => void put.push(s),
      },
      always,
      () => 0,
    );
    await expect(run).rejects.toThrow('poison record');
    expect(put).toEqual([0]);
  });
});
