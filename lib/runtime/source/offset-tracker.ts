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
      // Only the last record of each partition counts. Tasks usually reuse one partition object per
      // source partition, so a partition is encoded once per run of records that share its object.
      let partition: SourceRecord['sourcePartition'] = null;
      let key = '';
      for (let i = 0; i < records.length; i++) {
        const { sourcePartition, sourceOffset } = records[i] as SourceRecord;
        if (sourcePartition === null || sourceOffset === null) continue;
        if (sourcePartition !== partition) {
          partition = sourcePartition;
          key = encodeJsonMap(sourcePartition, 'Source partition');
        }
        const next = records[i + 1];
        if (next !== undefined && next.sourcePartition === partition && next.sourceOffset !== null) continue;
        latest.set(key, { partition: sourcePartition, offset: sourceOffset });
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
