/**
 * The source offsets a window may commit: for each source partition, the offset of the last
 * record of an acknowledged batch (records dropped by a transformation or skipped under
 * `errors.tolerance=all` count as done, as in Kafka). Records without partition or offset are
 * never committed.
 */
import type { SourceRecord } from '#lib/data/connect-record';
import { encodeJsonMap } from '#lib/store/json/json-map';
import type { OffsetEntry } from '#lib/store/types';

export interface OffsetTracker {
  /** Records of a batch Kafka acknowledged, in poll order. */
  acknowledged(records: readonly SourceRecord[]): void;
  /** The offsets not committed yet, one per partition. */
  pending(): OffsetEntry[];
  /** Forgets the given entries once they are committed (newer offsets of their partitions stay). */
  committed(entries: readonly OffsetEntry[]): void;
}

export function createOffsetTracker(): OffsetTracker {
  // Keyed by canonical JSON, so partitions equal up to key order are one partition.
  const latest = new Map<string, OffsetEntry>();
  return {
    acknowledged(records) {
      for (const { sourcePartition, sourceOffset } of records) {
        if (sourcePartition === null || sourceOffset === null) continue;
        latest.set(encodeJsonMap(sourcePartition, 'Source partition'), { partition: sourcePartition, offset: sourceOffset });
      }
    },
    pending: () => [...latest.values()],
    committed(entries) {
      for (const entry of entries) {
        const key = encodeJsonMap(entry.partition, 'Source partition');
        if (latest.get(key) === entry) latest.delete(key);
      }
    },
  };
}
