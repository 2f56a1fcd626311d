/** The StatusStore contract: every adapter must pass it (see lib/store/types.ts). */
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '#lib/errors';
import { statusOf, type StoresFactory } from '#test/contracts/fixtures';

export function describeStatusStoreContract(name: string, factory: StoresFactory): void {
  const statuses = async () => (await factory()).statuses;

  describe(`StatusStore contract: ${name}`, () => {
    it('returns no statuses for an unknown connector', async () => {
      const store = await statuses();
      expect(await store.get('missing')).toEqual({ tasks: [] });
    });

    it('stores the connector status apart from the task statuses', async () => {
      const store = await statuses();
      await store.put(statusOf('orders'));
      await store.put(statusOf('orders', 0));
      expect(await store.get('orders')).toEqual({ connector: statusOf('orders'), tasks: [statusOf('orders', 0)] });
    });

    it('returns task statuses sorted by numeric task id', async () => {
      const store = await statuses();
      await store.putMany([11, 2, 10, 0, 9, 1].map((id) => statusOf('orders', id)));
      const { connector, tasks } = await store.get('orders');
      expect(connector).toBeUndefined();
      expect(tasks.map((t) => t.taskId)).toEqual([0, 1, 2, 9, 10, 11]);
    });

    it('writes more statuses at once than one batch holds', async () => {
      const store = await statuses();
      await store.putMany(Array.from({ length: 60 }, (_, id) => statusOf('wide', id)));
      expect((await store.get('wide')).tasks).toHaveLength(60);
    });

    it('keeps the last of several statuses for one task in a single putMany', async () => {
      const store = await statuses();
      await store.putMany([statusOf('orders', 0), statusOf('orders', 0, { state: 'FAILED', trace: 'boom' })]);
      expect(await store.getTask('orders', 0)).toEqual(statusOf('orders', 0, { state: 'FAILED', trace: 'boom' }));
    });

    it('gets one task status, or undefined', async () => {
      const store = await statuses();
      await store.put(statusOf('orders', 3));
      expect(await store.getTask('orders', 3)).toEqual(statusOf('orders', 3));
      expect(await store.getTask('orders', 4)).toBeUndefined();
    });

    it('overwrites a status on put', async () => {
      const store = await statuses();
      await store.put(statusOf('orders', 0));
      await store.put(statusOf('orders', 0, { state: 'PAUSED', generation: 2 }));
      expect(await store.getTask('orders', 0)).toEqual(statusOf('orders', 0, { state: 'PAUSED', generation: 2 }));
    });

    it('round-trips trace, null worker id and extra fields', async () => {
      const store = await statuses();
      const status = statusOf('orders', undefined, {
        state: 'FAILED',
        trace: 'java.lang.RuntimeException: boom\n\tat X.y(X.java:1)',
        workerId: null,
        extra: { restart_attempts: 3, big: 9007199254740993n, nested: { ok: true, list: [1, 'a'] } },
      });
      await store.put(status);
      expect((await store.get('orders')).connector).toEqual(status);
    });

    it('deletes the task statuses from a task id on, leaving the rest', async () => {
      const store = await statuses();
      await store.putMany([statusOf('orders'), ...[0, 1, 2, 10, 11].map((id) => statusOf('orders', id))]);
      await store.deleteTasks('orders', 2);
      const { connector, tasks } = await store.get('orders');
      expect(connector).toEqual(statusOf('orders'));
      expect(tasks.map((t) => t.taskId)).toEqual([0, 1]);
    });

    it('deletes every status of one connector only', async () => {
      const store = await statuses();
      await store.putMany([statusOf('a'), statusOf('a', 0), statusOf('ab'), statusOf('ab', 0)]);
      await store.deleteAll('a');
      expect(await store.get('a')).toEqual({ tasks: [] });
      expect(await store.get('ab')).toEqual({ connector: statusOf('ab'), tasks: [statusOf('ab', 0)] });
    });

    it('rejects a negative or fractional task id', async () => {
      const store = await statuses();
      await expect(store.put(statusOf('orders', -1))).rejects.toBeInstanceOf(BadRequestError);
      await expect(store.getTask('orders', 1.5)).rejects.toBeInstanceOf(BadRequestError);
    });

    it('returns copies that callers cannot use to change stored state', async () => {
      const store = await statuses();
      const input = statusOf('orders', 0, { extra: { n: 1 } });
      await store.put(input);
      input.state = 'FAILED';
      const read = await store.getTask('orders', 0);
      if (read?.extra) read.extra.n = 2;
      expect(await store.getTask('orders', 0)).toEqual(statusOf('orders', 0, { extra: { n: 1 } }));
    });
  });
}
