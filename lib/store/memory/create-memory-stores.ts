import { createMemoryConfigStore } from '#lib/store/memory/memory-config-store';
import { createMemoryLoggerStore } from '#lib/store/memory/memory-logger-store';
import { createMemoryOffsetStore } from '#lib/store/memory/memory-offset-store';
import { createMemoryStatusStore } from '#lib/store/memory/memory-status-store';
import { createMemoryTaskLeaseStore } from '#lib/store/memory/memory-task-lease-store';
import { createMemoryTopicStore } from '#lib/store/memory/memory-topic-store';
import type { RunnerStores } from '#lib/store/types';

/** Fresh, empty in-memory stores (unit tests, and anything that needs no persistence). */
export function createMemoryStores(): RunnerStores {
  return {
    configs: createMemoryConfigStore(),
    statuses: createMemoryStatusStore(),
    offsets: createMemoryOffsetStore(),
    topics: createMemoryTopicStore(),
    loggers: createMemoryLoggerStore(),
    leases: createMemoryTaskLeaseStore(),
  };
}
