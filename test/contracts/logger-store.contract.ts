/** The LoggerStore contract: every adapter must pass it (see lib/store/types.ts). */
import { describe, expect, it } from 'vitest';
import type { StoresFactory } from '#test/contracts/fixtures';

export function describeLoggerStoreContract(name: string, factory: StoresFactory): void {
  const loggers = async () => (await factory()).loggers;

  describe(`LoggerStore contract: ${name}`, () => {
    it('has no levels at first', async () => {
      expect(await (await loggers()).all()).toEqual({});
    });

    it('returns every level that was put', async () => {
      const store = await loggers();
      await store.put('root', { level: 'INFO', lastModified: null });
      await store.put('org.apache.kafka.connect', { level: 'DEBUG', lastModified: 1714557600000 });
      expect(await store.all()).toEqual({
        root: { level: 'INFO', lastModified: null },
        'org.apache.kafka.connect': { level: 'DEBUG', lastModified: 1714557600000 },
      });
    });

    it('replaces the level of a logger', async () => {
      const store = await loggers();
      await store.put('root', { level: 'INFO', lastModified: 1 });
      await store.put('root', { level: 'TRACE', lastModified: 2 });
      expect(await store.all()).toEqual({ root: { level: 'TRACE', lastModified: 2 } });
    });

    it('returns copies that callers cannot use to change stored state', async () => {
      const store = await loggers();
      const record = { level: 'INFO', lastModified: 1 };
      await store.put('root', record);
      record.level = 'ERROR';
      const read = await store.all();
      if (read.root) read.root.level = 'WARN';
      expect(await store.all()).toEqual({ root: { level: 'INFO', lastModified: 1 } });
    });
  });
}
