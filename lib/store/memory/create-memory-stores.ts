import { createMemoryConfigStore } from '#lib/store/memory/memory-config-store';
import { createMemoryLoggerStore } from '#lib/store/memory/memory-logger-store';
import { createMemoryOffsetStore } from '#lib/store/memory/memory-offset-store';
import { createMemoryStatusStore } from '#lib/store/memory/memory-status-store';
import { createMemoryTopicStore } from '#lib/store/memory/memory-topic-store';
import type { Stores } from '#lib/store/types';

/** Fresh, empty in-memory stores (unit tests, and anything that needs no persistence). */
export function createMemoryStores(): Stores {
  return {
    configs: createMemoryConfigStore(),
    statuses: createMemoryStatusStore(),
    offsets: createMemoryOffsetStore(),
    topics: createMemoryTopicStore(),
    loggers: createMemoryLoggerStore(),
  };
}
