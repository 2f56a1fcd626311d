/** The FencedOffsetStore contract: fenced commits of task runners next to the REST offsets API's writes. */
import { describe, expect, it } from 'vitest';
import type { OffsetFence } from '#lib/store/types';
import type { RunnerStoresFactory } from '#test/contracts/runner-stores';

const ROWS = { table: 'rows' };
const OTHER = { table: 'other' };

function fence(generation: number, epoch: number, incarnation = 'inc-1'): OffsetFence {
  return { incarnation, generation, epoch };
}

export function describeFencedOffsetStoreContract(name: string, factory: RunnerStoresFactory): void {
  describe(`FencedOffsetStore contract: ${name}`, () => {
    it('writes fenced offsets that read back like any other', async () => {
      const { offsets } = await factory();
      const rejected = await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 9 } }], fence(1, 1));
      expect(rejected).toEqual([]);
      expect(await offsets.get('orders', ROWS)).toEqual({ row: 9 });
      expect(await offsets.list('orders')).toEqual([{ partition: ROWS, offset: { row: 9 } }]);
    });

    it('lets the same holder commit again', async () => {
      const { offsets } = await factory();
      await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 1 } }], fence(1, 4));
      expect(await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 2 } }], fence(1, 4))).toEqual([]);
      expect(await offsets.get('orders', ROWS)).toEqual({ row: 2 });
    });

    it('rejects a zombie whose lease epoch is older than the stored one', async () => {
      const { offsets } = await factory();
      await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 20 } }], fence(1, 5));
      const rejected = await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 10 } }], fence(1, 4));
      expect(rejected).toEqual([ROWS]);
      expect(await offsets.get('orders', ROWS)).toEqual({ row: 20 });
    });

    it('rejects an older generation even with a larger epoch', async () => {
      const { offsets } = await factory();
      await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 20 } }], fence(3, 1));
      expect(await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 10 } }], fence(2, 9))).toEqual([ROWS]);
    });

    it('lets a newer generation or epoch win', async () => {
      const { offsets } = await factory();
      await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 1 } }], fence(2, 7));
      expect(await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 2 } }], fence(2, 8))).toEqual([]);
      expect(await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 3 } }], fence(3, 1))).toEqual([]);
      expect(await offsets.get('orders', ROWS)).toEqual({ row: 3 });
    });

    it('never lets the fence of a deleted namesake block a re-created connector', async () => {
      const { offsets } = await factory();
      await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 50 } }], fence(9, 9, 'old'));
      expect(await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 51 } }], fence(1, 10, 'new'))).toEqual([]);
      expect(await offsets.get('orders', ROWS)).toEqual({ row: 51 });
    });

    it('judges each partition on its own and reports only the rejected ones', async () => {
      const { offsets } = await factory();
      await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 5 } }], fence(1, 2));
      const rejected = await offsets.putFenced('orders', [
        { partition: ROWS, offset: { row: 4 } },
        { partition: OTHER, offset: { row: 1 } },
      ], fence(1, 1));
      expect(rejected).toEqual([ROWS]);
      expect(await offsets.list('orders')).toEqual([
        { partition: OTHER, offset: { row: 1 } },
        { partition: ROWS, offset: { row: 5 } },
      ]);
    });

    it('never rejects a REST write, whatever fence the partition carries', async () => {
      const { offsets } = await factory();
      await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 80 } }], fence(4, 12));
      await offsets.put('orders', [{ partition: ROWS, offset: { row: 3 } }]);
      expect(await offsets.get('orders', ROWS)).toEqual({ row: 3 });
    });

    it('clears the fence on a REST write, so the next task run commits after it', async () => {
      const { offsets } = await factory();
      await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 80 } }], fence(4, 12));
      await offsets.put('orders', [{ partition: ROWS, offset: { row: 3 } }]);
      expect(await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 4 } }], fence(4, 1))).toEqual([]);
      expect(await offsets.get('orders', ROWS)).toEqual({ row: 4 });
    });

    it('accepts any fence after the REST API deleted the offsets', async () => {
      const { offsets } = await factory();
      await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 80 } }], fence(4, 12));
      await offsets.put('orders', [{ partition: ROWS, offset: null }]);
      expect(await offsets.get('orders', ROWS)).toBeUndefined();
      await offsets.putFenced('orders', [{ partition: OTHER, offset: { row: 80 } }], fence(4, 12));
      await offsets.deleteAll('orders');
      expect(await offsets.putFenced('orders', [{ partition: ROWS, offset: { row: 1 } }, { partition: OTHER, offset: { row: 1 } }], fence(1, 1))).toEqual([]);
    });
  });
}
