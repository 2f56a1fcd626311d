/**
 * OffsetStore in a Map of connector → (partition JSON → offset JSON). Keeping the encoded text, as the
 * DynamoDB adapter does, gives both adapters the same key identity and number precision.
 */
import { compareStrings } from '#lib/store/compare-strings';
import { decodeJsonMap, encodeJsonMap } from '#lib/store/json/json-map';
import type { OffsetStore } from '#lib/store/types';

export function createMemoryOffsetStore(): OffsetStore {
  const byConnector = new Map<string, Map<string, string>>();

  return {
    async list(connector) {
      const offsets = byConnector.get(connector) ?? new Map<string, string>();
      return [...offsets.entries()]
        .sort(([a], [b]) => compareStrings(a, b))
        .map(([partition, offset]) => ({ partition: decodeJsonMap(partition), offset: decodeJsonMap(offset) }));
    },

    async get(connector, partition) {
      const offset = byConnector.get(connector)?.get(encodeJsonMap(partition, 'Source partition'));
      return offset === undefined ? undefined : decodeJsonMap(offset);
    },

    async put(connector, entries) {
      // Encode everything first so one bad entry leaves the stored offsets untouched.
      const encoded = entries.map(({ partition, offset }) => ({
        partition: encodeJsonMap(partition, 'Source partition'),
        offset: offset === null ? null : encodeJsonMap(offset, 'Source offset'),
      }));
      const offsets = byConnector.get(connector) ?? new Map<string, string>();
      for (const { partition, offset } of encoded) {
        if (offset === null) offsets.delete(partition);
        else offsets.set(partition, offset);
      }
      byConnector.set(connector, offsets);
    },

    async deleteAll(connector) {
      byConnector.delete(connector);
    },
  };
}
