/** The SourceTaskContext a window gives its task: the task config and the committed offsets. */
import type { OffsetStorageReader, SourceTaskContext } from '#lib/plugin/source-task';
import type { OffsetStore } from '#lib/store/types';

export function createSourceTaskContext(connector: string, taskConfig: Record<string, string>, offsets: Pick<OffsetStore, 'get'>): SourceTaskContext {
  const reader: OffsetStorageReader = {
    async offset(partition) {
      return (await offsets.get(connector, partition)) ?? null;
    },
    async offsets(partitions) {
      const found = await Promise.all(partitions.map(async (partition) => [partition, await offsets.get(connector, partition)] as const));
      return found.flatMap(([partition, offset]) => (offset === undefined ? [] : [[partition, offset] as [Record<string, unknown>, Record<string, unknown>]]));
    },
  };
  return { configs: () => ({ ...taskConfig }), offsetStorageReader: reader };
}
