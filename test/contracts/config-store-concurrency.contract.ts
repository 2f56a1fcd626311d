/** The racing half of the ConfigStore contract: conditional writes under concurrent callers. */
import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, ConflictError, NotFoundError } from '#lib/errors';
import type { ConfigStore } from '#lib/store/types';
import { newConnector, settle } from '#test/contracts/fixtures';

const WRITERS = 50;

/** Read-modify-write with retry on ConflictError, as the herder does: adds one config key. */
async function addConfigKey(store: ConfigStore, name: string, key: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await store.get(name);
    if (current === undefined) throw new Error(`${name} vanished`);
    try {
      await store.update(name, { config: { ...current.config, [key]: 'set' } }, { expectedVersion: current.version });
      return;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 256)));
    }
  }
}

export function describeConfigStoreConcurrency(configs: () => Promise<ConfigStore>): void {
  describe('under concurrency', () => {
    it(`lets exactly one of ${WRITERS} concurrent creates of one name succeed`, async () => {
      const store = await configs();
      const creates = Array.from({ length: WRITERS }, (_, i) =>
        store.create(newConnector('contested', { config: { name: 'contested', writer: String(i) } })),
      );
      const { values, errors } = await settle(creates);
      expect(values).toHaveLength(1);
      expect(errors).toHaveLength(WRITERS - 1);
      expect(errors.every((e) => e instanceof AlreadyExistsError)).toBe(true);
      expect((await store.get('contested'))?.config).toEqual(values[0]?.config);
    });

    it(`loses none of ${WRITERS} concurrent read-modify-write updates`, async () => {
      const store = await configs();
      await store.create(newConnector('shared', { config: { name: 'shared' } }));
      const keys = Array.from({ length: WRITERS }, (_, i) => `key.${i}`);
      await Promise.all(keys.map((key) => addConfigKey(store, 'shared', key)));
      const final = await store.get('shared');
      expect(final?.version).toBe(WRITERS + 1);
      expect(Object.keys(final?.config ?? {}).sort()).toEqual(['name', ...keys].sort());
    }, 120_000); // 50 optimistic writers retry O(n²) times; a loaded 2-core CI machine needs more than 30 s

    it('never resurrects a connector deleted while updates race it', async () => {
      const store = await configs();
      await store.create(newConnector('doomed'));
      const update = (i: number) => store.update('doomed', { config: { name: 'doomed', i: String(i) } });
      const before = Array.from({ length: 10 }, (_, i) => update(i));
      const deletion = store.delete('doomed');
      const after = Array.from({ length: 10 }, (_, i) => update(10 + i));
      const { errors } = await settle<unknown>([...before, deletion, ...after]);
      expect(errors.every((e) => e instanceof NotFoundError)).toBe(true);
      expect(await store.get('doomed')).toBeUndefined();
      expect(await store.list()).toEqual([]);
    });
  });
}
