/**
 * A minimal SourceTaskContext for connector task tests: committed offsets held in memory, matched
 * by partition content whatever the key order (as the offset store does).
 */
import type { OffsetStorageReader, SourceTaskContext } from '#lib/plugin/source-task';

type Offsets = Array<[Record<string, unknown>, Record<string, unknown>]>;

export interface TestTaskContext extends SourceTaskContext {
  /** Replaces the committed offset of a partition, as a runner would after Kafka acknowledged it. */
  commit(partition: Record<string, unknown>, offset: Record<string, unknown>): void;
}

export function taskContext(offsets: Offsets = [], configs: Record<string, string> = {}): TestTaskContext {
  const store = new Map<string, [Record<string, unknown>, Record<string, unknown>]>();
  for (const [partition, offset] of offsets) store.set(keyOf(partition), [partition, offset]);
  const offsetStorageReader: OffsetStorageReader = {
    async offset(partition) {
      return store.get(keyOf(partition))?.[1] ?? null;
    },
    async offsets(partitions) {
      return partitions.flatMap((p) => {
        const found = store.get(keyOf(p));
        return found ? [[p, found[1]] as [Record<string, unknown>, Record<string, unknown>]] : [];
      });
    },
  };
  return {
    configs: () => configs,
    offsetStorageReader,
    commit(partition, offset) {
      store.set(keyOf(partition), [partition, offset]);
    },
  };
}

function keyOf(partition: Record<string, unknown>): string {
  const sorted = Object.keys(partition).sort().map((k) => [k, partition[k]]);
  return JSON.stringify(sorted, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}
