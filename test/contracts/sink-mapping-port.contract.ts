/** The SinkMappingPort contract: every adapter must pass it (see lib/runtime/sink/mappings/mapping-port.ts). */
import { describe, expect, it } from 'vitest';
import type { SinkMappingPort } from '#lib/runtime/sink/mappings/mapping-port';

let aliases = 0;
const alias = () => `lc-contract-${++aliases}-${Math.random().toString(36).slice(2, 8)}`;
const mapping = (a: string, topic = 'orders') => ({ alias: a, topic, groupId: `connect-${a}.${topic}`, batchSize: 100, batchingWindowSeconds: 1, enabled: true });

export function describeSinkMappingPortContract(name: string, factory: () => Promise<SinkMappingPort>): void {
  describe(`SinkMappingPort contract: ${name}`, () => {
    it('lists nothing for an alias without mappings', async () => {
      expect(await (await factory()).list(alias())).toEqual([]);
    });

    it('lists what was created, with its uuid, for its alias only', async () => {
      const port = await factory();
      const [a, b] = [alias(), alias()];
      await port.ensureAlias(a);
      const created = await port.create(mapping(a));
      await port.create(mapping(b));
      expect(created.uuid).not.toBe('');
      expect(await port.list(a)).toEqual([{ ...mapping(a), uuid: created.uuid }]);
    });

    it('lists every mapping of an alias (several topics)', async () => {
      const port = await factory();
      const a = alias();
      for (const topic of ['t1', 't2', 't3']) await port.create(mapping(a, topic));
      expect((await port.list(a)).map((m) => m.topic).sort()).toEqual(['t1', 't2', 't3']);
    });

    it('lists the mappings of every alias in listAll, completely', async () => {
      const port = await factory();
      const [a, b] = [alias(), alias()];
      const created = [await port.create(mapping(a)), await port.create(mapping(b, 't1')), await port.create(mapping(b, 't2'))];
      const listing = await port.listAll();
      expect(listing.complete).toBe(true);
      expect(listing.mappings.filter((m) => m.alias === a || m.alias === b)).toEqual(expect.arrayContaining(created));
    });

    it('updates batch size, window and enabled in place', async () => {
      const port = await factory();
      const a = alias();
      const { uuid } = await port.create(mapping(a));
      await port.update(uuid, { batchSize: 7, batchingWindowSeconds: 0, enabled: false });
      expect(await port.list(a)).toEqual([{ ...mapping(a), uuid, batchSize: 7, batchingWindowSeconds: 0, enabled: false }]);
    });

    it('deletes a mapping, and deleting it again is not an error', async () => {
      const port = await factory();
      const a = alias();
      const { uuid } = await port.create(mapping(a));
      await port.delete(uuid);
      await port.delete(uuid);
      expect(await port.list(a)).toEqual([]);
    });

    it('creates and deletes aliases idempotently', async () => {
      const port = await factory();
      const a = alias();
      await port.ensureAlias(a);
      await port.ensureAlias(a);
      await port.deleteAlias(a);
      await port.deleteAlias(a);
    });
  });
}
