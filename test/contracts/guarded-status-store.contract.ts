/** The GuardedStatusStore contract: a task runner never overwrites the status of a newer generation. */
import { describe, expect, it } from 'vitest';
import { statusOf } from '#test/contracts/fixtures';
import type { RunnerStoresFactory } from '#test/contracts/runner-stores';

export function describeGuardedStatusStoreContract(name: string, factory: RunnerStoresFactory): void {
  describe(`GuardedStatusStore contract: ${name}`, () => {
    it('writes a status where there is none', async () => {
      const { statuses } = await factory();
      expect(await statuses.putUnlessNewer(statusOf('orders', 0, { generation: 2 }))).toBe(true);
      expect(await statuses.getTask('orders', 0)).toEqual(statusOf('orders', 0, { generation: 2 }));
    });

    it('replaces a status of the same or an older generation', async () => {
      const { statuses } = await factory();
      await statuses.put(statusOf('orders', 0, { state: 'UNASSIGNED', workerId: null, generation: 2 }));
      expect(await statuses.putUnlessNewer(statusOf('orders', 0, { generation: 2 }))).toBe(true);
      expect(await statuses.putUnlessNewer(statusOf('orders', 0, { state: 'FAILED', trace: 'boom', generation: 3 }))).toBe(true);
      expect((await statuses.getTask('orders', 0))?.state).toBe('FAILED');
    });

    it('leaves a status of a newer generation alone', async () => {
      const { statuses } = await factory();
      await statuses.put(statusOf('orders', 0, { state: 'PAUSED', generation: 5 }));
      expect(await statuses.putUnlessNewer(statusOf('orders', 0, { state: 'RUNNING', generation: 4 }))).toBe(false);
      expect((await statuses.getTask('orders', 0))?.state).toBe('PAUSED');
    });

    it('replaces the status of another incarnation whatever its generation', async () => {
      const { statuses } = await factory();
      await statuses.put(statusOf('orders', 0, { incarnation: 'old', generation: 9 }));
      expect(await statuses.putUnlessNewer(statusOf('orders', 0, { incarnation: 'new', generation: 1 }))).toBe(true);
      expect((await statuses.getTask('orders', 0))?.incarnation).toBe('new');
    });

    it('keeps a status of the same generation in a kept state', async () => {
      const { statuses } = await factory();
      await statuses.put(statusOf('orders', 0, { state: 'FAILED', trace: 'boom', generation: 4 }));
      expect(await statuses.putUnlessNewer(statusOf('orders', 0, { generation: 4 }), { keep: ['RUNNING', 'FAILED'] })).toBe(false);
      expect(await statuses.getTask('orders', 0)).toMatchObject({ state: 'FAILED', trace: 'boom' });
    });

    it('replaces a status in a kept state of an older generation or another state of the same one', async () => {
      const { statuses } = await factory();
      await statuses.put(statusOf('orders', 0, { state: 'FAILED', trace: 'boom', generation: 3 }));
      await statuses.put(statusOf('orders', 1, { state: 'RESTARTING', generation: 4 }));
      const keep = ['RUNNING', 'FAILED'] as const;
      expect(await statuses.putUnlessNewer(statusOf('orders', 0, { generation: 4 }), { keep })).toBe(true);
      expect(await statuses.putUnlessNewer(statusOf('orders', 1, { generation: 4 }), { keep })).toBe(true);
      expect((await statuses.get('orders')).tasks.map((t) => t.state)).toEqual(['RUNNING', 'RUNNING']);
    });

    it('guards the connector status the same way', async () => {
      const { statuses } = await factory();
      await statuses.put(statusOf('orders', undefined, { generation: 5 }));
      expect(await statuses.putUnlessNewer(statusOf('orders', undefined, { state: 'FAILED', generation: 4 }))).toBe(false);
      expect((await statuses.get('orders')).connector?.state).toBe('RUNNING');
    });
  });
}
