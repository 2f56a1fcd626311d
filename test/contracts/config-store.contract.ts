/** The ConfigStore contract: every adapter must pass it (see lib/store/types.ts). */
import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, ConflictError, NotFoundError } from '#lib/errors';
import { describeConfigStoreConcurrency } from '#test/contracts/config-store-concurrency.contract';
import { newConnector, type StoresFactory } from '#test/contracts/fixtures';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function describeConfigStoreContract(name: string, factory: StoresFactory): void {
  const configs = async () => (await factory()).configs;

  describe(`ConfigStore contract: ${name}`, () => {
    it('creates a connector at version 1 and generation 1', async () => {
      const store = await configs();
      const created = await store.create(newConnector('orders'));
      expect(created).toMatchObject({ ...newConnector('orders'), version: 1, generation: 1 });
      expect(created.incarnation).not.toBe('');
      expect(created.createdAt).toMatch(ISO_TIMESTAMP);
      expect(created.updatedAt).toBe(created.createdAt);
    });

    it('gets what was created', async () => {
      const store = await configs();
      const created = await store.create(newConnector('orders'));
      expect(await store.get('orders')).toEqual(created);
    });

    it('gets undefined for an unknown connector', async () => {
      const store = await configs();
      expect(await store.get('missing')).toBeUndefined();
    });

    it('lists every connector sorted by name', async () => {
      const store = await configs();
      for (const n of ['b', 'a', 'C', 'a-b']) await store.create(newConnector(n));
      expect((await store.list()).map((r) => r.name)).toEqual(['C', 'a', 'a-b', 'b']);
    });

    it('lists nothing when empty', async () => {
      expect(await (await configs()).list()).toEqual([]);
    });

    it('rejects a duplicate create with AlreadyExistsError', async () => {
      const store = await configs();
      await store.create(newConnector('orders'));
      await expect(store.create(newConnector('orders'))).rejects.toThrow(new AlreadyExistsError('Connector orders already exists'));
    });

    it('gives a recreated namesake a new incarnation', async () => {
      const store = await configs();
      const first = await store.create(newConnector('orders'));
      await store.delete('orders');
      const second = await store.create(newConnector('orders'));
      expect(second.incarnation).not.toBe(first.incarnation);
      expect(second.version).toBe(1);
    });

    it('replaces the config, bumps the version and keeps the generation', async () => {
      const store = await configs();
      await store.create(newConnector('orders'));
      const updated = await store.update('orders', { config: { name: 'orders', topic: 't' } });
      expect(updated).toMatchObject({ config: { name: 'orders', topic: 't' }, version: 2, generation: 1 });
      expect(await store.get('orders')).toEqual(updated);
    });

    it('updates target state and task configs and bumps the generation on request', async () => {
      const store = await configs();
      await store.create(newConnector('orders'));
      const updated = await store.update('orders', { targetState: 'STOPPED', taskConfigs: [], bumpGeneration: true });
      expect(updated).toMatchObject({ targetState: 'STOPPED', taskConfigs: [], version: 2, generation: 2 });
      expect(updated.config).toEqual(newConnector('orders').config);
    });

    it('applies an update whose expected version matches', async () => {
      const store = await configs();
      await store.create(newConnector('orders'));
      const updated = await store.update('orders', { targetState: 'PAUSED' }, { expectedVersion: 1 });
      expect(updated.version).toBe(2);
    });

    it('rejects a stale expected version with a retriable ConflictError and changes nothing', async () => {
      const store = await configs();
      await store.create(newConnector('orders'));
      const current = await store.update('orders', { targetState: 'PAUSED' });
      const stale = store.update('orders', { targetState: 'STOPPED' }, { expectedVersion: 1 });
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      await expect(stale).rejects.toMatchObject({
        retriable: true,
        message: 'Cannot complete request momentarily due to stale configuration (typically caused by a concurrent config change)',
      });
      expect(await store.get('orders')).toEqual(current);
    });

    it('rejects an update of a missing connector with NotFoundError and does not create it', async () => {
      const store = await configs();
      await expect(store.update('ghost', { targetState: 'PAUSED' })).rejects.toThrow(new NotFoundError('Connector ghost not found'));
      await expect(store.update('ghost', {}, { expectedVersion: 1 })).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.get('ghost')).toBeUndefined();
      expect(await store.list()).toEqual([]);
    });

    it('deletes a connector and reports whether there was one', async () => {
      const store = await configs();
      await store.create(newConnector('orders'));
      expect(await store.delete('orders')).toBe(true);
      expect(await store.delete('orders')).toBe(false);
      expect(await store.get('orders')).toBeUndefined();
      expect(await store.list()).toEqual([]);
    });

    it('keeps arbitrary config keys and values intact', async () => {
      const store = await configs();
      const config = { name: 'odd', 'a.b.c': '', '#x': '$y', ':v': 'ü 😀', 'key with spaces': '{"json":1}', 'a[0]': 'x' };
      await store.create(newConnector('odd', { config, taskConfigs: [config] }));
      expect(await store.get('odd')).toMatchObject({ config, taskConfigs: [config] });
    });

    it('keeps connector names with separators apart', async () => {
      const store = await configs();
      await store.create(newConnector('a#config'));
      await store.create(newConnector('a'));
      expect((await store.list()).map((r) => r.name)).toEqual(['a', 'a#config']);
      expect((await store.get('a#config'))?.name).toBe('a#config');
    });

    it('returns copies that callers cannot use to change stored state', async () => {
      const store = await configs();
      const input = newConnector('orders');
      const created = await store.create(input);
      input.config.extra = 'input';
      created.config.extra = 'created';
      created.taskConfigs.push({ injected: 'x' });
      const read = await store.get('orders');
      if (read) read.config.extra = 'read';
      expect(await store.get('orders')).toMatchObject({ config: newConnector('orders').config, taskConfigs: newConnector('orders').taskConfigs });
    });

    it('rejects a connector larger than one state item can hold', async () => {
      const store = await configs();
      const huge = newConnector('huge', { config: { name: 'huge', blob: 'x'.repeat(450 * 1024) } });
      await expect(store.create(huge)).rejects.toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        message: 'State record too large while creating connector huge: items are limited to 400 KB',
      });
      expect(await store.get('huge')).toBeUndefined();
    });

    it('rejects an update that would make a connector too large, keeping the stored one', async () => {
      const store = await configs();
      const created = await store.create(newConnector('growing'));
      const taskConfigs = Array.from({ length: 10 }, () => ({ blob: 'x'.repeat(45 * 1024) }));
      await expect(store.update('growing', { taskConfigs })).rejects.toMatchObject({
        message: 'State record too large while updating connector growing: items are limited to 400 KB',
      });
      expect(await store.get('growing')).toEqual(created);
    });

    describeConfigStoreConcurrency(configs);
  });
}
