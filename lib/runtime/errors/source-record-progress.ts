/**
 * What the source pipeline knows about a record when it fails: the record as the task returned
 * it, the record after the transformations that ran, and the bytes of the converters that ran.
 * It is the "original" of a source error context.
 */
import type { SourceRecord } from '#lib/data/connect-record';
import type { RecordHeader } from '#lib/kafka/producer-port';

export interface SourceRecordProgress {
  /** As returned by `poll()` (what Kafka's LogReporter prints and what offsets refer to). */
  readonly original: SourceRecord;
  /** After the transformations that succeeded; equal to `original` before the first. */
  record: SourceRecord;
  /** Set once the header converter succeeded. */
  headers?: RecordHeader[];
  /** Set once the key converter succeeded (null: a null key). */
  key?: Uint8Array | null;
  value?: Uint8Array | null;
}

export function startProgress(original: SourceRecord): SourceRecordProgress {
  return { original, record: original };
}
