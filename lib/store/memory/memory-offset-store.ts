/**
 * OffsetStore in a Map of connector → (partition JSON → offset JSON). Keeping the encoded text, as the
 * DynamoDB adapter does, gives both adapters the same key identity and number precision. The fence of
 * a fenced write is kept beside the offset and dropped by an unfenced write, as the DynamoDB adapter's
 * whole-item put drops it.
 */
import { compareStrings } from '#lib/store/compare-strings';
import { decodeJsonMap, encodeJsonMap } from '#lib/store/json/json-map';
import { fenceAllows } from '#lib/store/runner-rules';
import type { FencedOffsetStore, OffsetFence, OffsetStore } from '#lib/store/types';

interface StoredOffset {
  offset: string;
  fence?: OffsetFence;
}

export function createMemoryOffsetStore(): OffsetStore & FencedOffsetStore {
  const byConnector = new Map<string, Map<string, StoredOffset>>();
  const offsetsOf = (connector: string): Map<string, StoredOffset> => {
    const offsets = byConnector.get(connector) ?? new Map<string, StoredOffset>();
    byConnector.set(connector, offsets);
    return offsets;
  };

  return {
    async list(connector) {
      const offsets = byConnector.get(connector) ?? new Map<string, StoredOffset>();
      return [...offsets.entries()]
        .sort(([a], [b]) => compareStrings(a, b))
        .map(([partition, stored]) => ({ partition: decodeJsonMap(partition), offset: decodeJsonMap(stored.offset) }));
    },

    async get(connector, partition) {
      const stored = byConnector.get(connector)?.get(encodeJsonMap(partition, 'Source partition'));
      return stored === undefined ? undefined : decodeJsonMap(stored.offset);
    },

    async put(connector, entries) {
      // Encode everything first so one bad entry leaves the stored offsets untouched.
      const encoded = entries.map(({ partition, offset }) => ({
        partition: encodeJsonMap(partition, 'Source partition'),
        offset: offset === null ? null : encodeJsonMap(offset, 'Source offset'),
      }));
      const offsets = offsetsOf(connector);
      for (const { partition, offset } of encoded) {
        if (offset === null) offsets.delete(partition);
        else offsets.set(partition, { offset });
      }
    },

    async putFenced(connector, entries, fence) {
      const encoded = entries.map(({ partition, offset }) => ({
        partition,
        key: encodeJsonMap(partition, 'Source partition'),
        offset: encodeJsonMap(offset, 'Source offset'),
      }));
      const offsets = offsetsOf(connector);
      const rejected: Record<string, unknown>[] = [];
      for (const { partition, key, offset } of encoded) {
        if (fenceAllows(offsets.get(key)?.fence, fence)) offsets.set(key, { offset, fence: { ...fence } });
        else rejected.push(partition);
      }
      return rejected;
    },

    async deleteAll(connector) {
      byConnector.delete(connector);
    },
  };
}
