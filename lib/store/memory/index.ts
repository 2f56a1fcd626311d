export { createMemoryStores } from '#lib/store/memory/create-memory-stores';
export { createMemoryConfigStore } from '#lib/store/memory/memory-config-store';
export { createMemoryLoggerStore } from '#lib/store/memory/memory-logger-store';
export { createMemoryOffsetStore } from '#lib/store/memory/memory-offset-store';
export { createMemoryStatusStore } from '#lib/store/memory/memory-status-store';
export { createMemoryTopicStore } from '#lib/store/memory/memory-topic-store';
export { createMemoryTaskLeaseStore } from '#lib/store/memory/memory-task-lease-store';
