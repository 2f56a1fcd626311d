/** The OffsetStore contract: every adapter must pass it (see lib/store/types.ts). */
import { describe, expect, it } from 'vitest';
import { DataError } from '#lib/errors';
import { newConnector, type StoresFactory } from '#test/contracts/fixtures';

const FILE_A = { filename: '/data/a.txt' };
const FILE_B = { filename: '/data/b.txt' };

export function describeOffsetStoreContract(name: string, factory: StoresFactory): void {
  describe(`OffsetStore contract: ${name}`, () => {
    it('lists nothing for a connector without offsets', async () => {
      const { offsets } = await factory();
      expect(await offsets.list('orders')).toEqual([]);
      expect(await offsets.get('orders', FILE_A)).toBeUndefined();
    });

    it('stores offsets and reads them back one by one and as a list', async () => {
      const { offsets } = await factory();
      await offsets.put('orders', [
        { partition: FILE_B, offset: { position: 7 } },
        { partition: FILE_A, offset: { position: 42 } },
      ]);
      expect(await offsets.get('orders', FILE_A)).toEqual({ position: 42 });
      expect(await offsets.list('orders')).toEqual([
        { partition: FILE_A, offset: { position: 42 } },
        { partition: FILE_B, offset: { position: 7 } },
      ]);
    });

    it('overwrites the offset of a partition', async () => {
      const { offsets } = await factory();
      await offsets.put('orders', [{ partition: FILE_A, offset: { position: 1 } }]);
      await offsets.put('orders', [{ partition: FILE_A, offset: { position: 2 } }]);
      expect(await offsets.list('orders')).toEqual([{ partition: FILE_A, offset: { position: 2 } }]);
    });

    it('deletes the offset of a partition written as null', async () => {
      const { offsets } = await factory();
      await offsets.put('orders', [
        { partition: FILE_A, offset: { position: 1 } },
        { partition: FILE_B, offset: { position: 2 } },
      ]);
      await offsets.put('orders', [{ partition: FILE_A, offset: null }]);
      expect(await offsets.list('orders')).toEqual([{ partition: FILE_B, offset: { position: 2 } }]);
    });

    it('addresses one partition whatever the order of its keys', async () => {
      const { offsets } = await factory();
      await offsets.put('sink', [{ partition: { kafka_topic: 't', kafka_partition: 0 }, offset: { kafka_offset: 5 } }]);
      await offsets.put('sink', [{ partition: { kafka_partition: 0, kafka_topic: 't' }, offset: { kafka_offset: 6 } }]);
      expect(await offsets.get('sink', { kafka_partition: 0, kafka_topic: 't' })).toEqual({ kafka_offset: 6 });
      expect(await offsets.list('sink')).toHaveLength(1);
    });

    it('keeps 64-bit integers exact', async () => {
      const { offsets } = await factory();
      const partition = { shard: 9007199254740995n };
      await offsets.put('big', [{ partition, offset: { position: 9007199254740993n, safe: 9007199254740991 } }]);
      expect(await offsets.get('big', partition)).toEqual({ position: 9007199254740993n, safe: 9007199254740991 });
      expect(await offsets.list('big')).toEqual([{ partition, offset: { position: 9007199254740993n, safe: 9007199254740991 } }]);
    });

    it('round-trips every JSON primitive', async () => {
      const { offsets } = await factory();
      const offset = { s: 'x', i: -3, f: 1.5, t: true, n: null, e: 1e21, list: [1, 'two'] };
      await offsets.put('types', [{ partition: { p: 'a.b#c' }, offset }]);
      expect(await offsets.get('types', { p: 'a.b#c' })).toEqual(offset);
    });

    it('stores a partition too long to be a sort key', async () => {
      const { offsets } = await factory();
      const partition = { filename: `/data/${'x'.repeat(2000)}.txt` };
      await offsets.put('long', [{ partition, offset: { position: 1 } }]);
      expect(await offsets.get('long', partition)).toEqual({ position: 1 });
      expect(await offsets.list('long')).toEqual([{ partition, offset: { position: 1 } }]);
    });

    it('keeps the last of several offsets for one partition in a single put', async () => {
      const { offsets } = await factory();
      await offsets.put('orders', [
        { partition: FILE_A, offset: { position: 1 } },
        { partition: FILE_A, offset: { position: 2 } },
      ]);
      expect(await offsets.get('orders', FILE_A)).toEqual({ position: 2 });
    });

    it('writes more partitions at once than one batch holds', async () => {
      const { offsets } = await factory();
      const entries = Array.from({ length: 60 }, (_, i) => ({ partition: { p: i }, offset: { o: i } }));
      await offsets.put('wide', entries);
      expect(await offsets.list('wide')).toHaveLength(60);
    });

    it('rejects an unstorable value and writes nothing', async () => {
      const { offsets } = await factory();
      const put = offsets.put('bad', [
        { partition: FILE_A, offset: { position: 1 } },
        { partition: FILE_B, offset: { position: Number.NaN } },
      ]);
      await expect(put).rejects.toBeInstanceOf(DataError);
      expect(await offsets.list('bad')).toEqual([]);
    });

    it('deletes every offset of one connector only', async () => {
      const { offsets } = await factory();
      await offsets.put('a', [{ partition: FILE_A, offset: { position: 1 } }]);
      await offsets.put('ab', [{ partition: FILE_A, offset: { position: 2 } }]);
      await offsets.deleteAll('a');
      expect(await offsets.list('a')).toEqual([]);
      expect(await offsets.list('ab')).toHaveLength(1);
    });

    it('keeps offsets after their connector is deleted', async () => {
      const { configs, statuses, topics, offsets } = await factory();
      await configs.create(newConnector('orders'));
      await offsets.put('orders', [{ partition: FILE_A, offset: { position: 1 } }]);
      await configs.delete('orders');
      await statuses.deleteAll('orders');
      await topics.reset('orders');
      expect(await offsets.get('orders', FILE_A)).toEqual({ position: 1 });
    });

    it('returns copies that callers cannot use to change stored state', async () => {
      const { offsets } = await factory();
      const offset = { position: 1 };
      await offsets.put('orders', [{ partition: FILE_A, offset }]);
      offset.position = 2;
      const read = await offsets.get('orders', FILE_A);
      if (read) read.position = 3;
      expect(await offsets.get('orders', FILE_A)).toEqual({ position: 1 });
    });
  });
}
