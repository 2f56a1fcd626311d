/** The TopicStore contract: every adapter must pass it (see lib/store/types.ts). */
import { describe, expect, it } from 'vitest';
import type { StoresFactory } from '#test/contracts/fixtures';

export function describeTopicStoreContract(name: string, factory: StoresFactory): void {
  const topics = async () => (await factory()).topics;

  describe(`TopicStore contract: ${name}`, () => {
    it('lists no topics for an unknown connector', async () => {
      expect(await (await topics()).list('orders')).toEqual([]);
    });

    it('lists recorded topics sorted by name', async () => {
      const store = await topics();
      await store.add('orders', ['topic-b', 'topic-a']);
      await store.add('orders', ['Topic-C']);
      expect(await store.list('orders')).toEqual(['Topic-C', 'topic-a', 'topic-b']);
    });

    it('records a topic once however often it is added', async () => {
      const store = await topics();
      await store.add('orders', ['t', 't']);
      await store.add('orders', ['t']);
      expect(await store.list('orders')).toEqual(['t']);
    });

    it('accepts an empty list of topics', async () => {
      const store = await topics();
      await store.add('orders', []);
      expect(await store.list('orders')).toEqual([]);
    });

    it('records more topics at once than one batch holds', async () => {
      const store = await topics();
      await store.add('wide', Array.from({ length: 30 }, (_, i) => `t.${String(i).padStart(2, '0')}`));
      expect(await store.list('wide')).toHaveLength(30);
    });

    it('resets the topics of one connector only', async () => {
      const store = await topics();
      await store.add('a', ['t1']);
      await store.add('ab', ['t2']);
      await store.reset('a');
      expect(await store.list('a')).toEqual([]);
      expect(await store.list('ab')).toEqual(['t2']);
    });
  });
}
