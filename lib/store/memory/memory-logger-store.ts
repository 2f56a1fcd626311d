/** LoggerStore in a Map of logger name → level record. */
import type { LoggerLevelRecord, LoggerStore } from '#lib/store/types';

export function createMemoryLoggerStore(): LoggerStore {
  const levels = new Map<string, LoggerLevelRecord>();

  return {
    async all() {
      return Object.fromEntries([...levels.entries()].map(([name, record]) => [name, { ...record }]));
    },

    async put(name, record) {
      levels.set(name, { level: record.level, lastModified: record.lastModified });
    },
  };
}
