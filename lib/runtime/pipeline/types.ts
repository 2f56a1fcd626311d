/**
 * What the pipelines return. A pipeline turns one batch into records for the next step (the
 * producer, or the sink task) and accounts for every input record: produced / put, dropped by a
 * transformation, or failed and tolerated (and then possibly written to the DLQ).
 */
import type { SinkRecord, SourceRecord } from '#lib/data/connect-record';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import type { ProducerRecord } from '#lib/kafka/producer-port';
import type { Stage } from '#lib/runtime/errors/stage';

/** A producer record and the record the task returned (for `commitRecord` and its source offset). */
export interface SourceProducerRecord extends ProducerRecord {
  readonly source: SourceRecord;
}

/** A record that failed and was skipped under `errors.tolerance=all`. */
export interface FailedRecord<O> {
  /** The consumed record (sinks) or the record the task returned (sources). */
  readonly original: O;
  readonly stage: Stage;
  readonly executingClass: string;
  readonly error: unknown;
  readonly attempts: number;
  /** What the DLQ reporter wrote for it, or null without a DLQ. */
  readonly deadLetter: ProducerRecord | null;
}

export type DeadLetter<O> = FailedRecord<O> & { readonly deadLetter: ProducerRecord };

export interface SourcePipelineResult {
  /** To produce, in poll order. */
  readonly produce: SourceProducerRecord[];
  /**
   * Records not to produce whose offsets are committed anyway (Kafka's `recordDropped`): dropped by
   * a transformation or skipped after a failure. The runner calls `commitRecord(record, null)`.
   */
  readonly dropped: SourceRecord[];
  readonly failed: FailedRecord<SourceRecord>[];
  /** The failed records that went to the DLQ (already written when the batch resolves). */
  readonly dlq: DeadLetter<SourceRecord>[];
}

export interface SinkPipelineResult {
  /** For `SinkTask.put`, in consumption order. */
  readonly records: SinkRecord[];
  /** Records a transformation dropped. */
  readonly filtered: number;
  readonly failed: FailedRecord<ConsumerRecord>[];
  readonly dlq: DeadLetter<ConsumerRecord>[];
}

/**
 * Contract of both pipelines: `process` is called with one batch at a time (never concurrently),
 * resolves once the batch's failures are reported (DLQ records written), and rejects with a
 * ConnectError when a failure is not tolerated — the runner then fails the task. `close` releases
 * converters and transformations once, after the last batch.
 */
export interface SourcePipeline {
  process(records: readonly SourceRecord[]): Promise<SourcePipelineResult>;
  close(): void;
}

export interface SinkPipeline {
  process(records: readonly ConsumerRecord[]): Promise<SinkPipelineResult>;
  close(): void;
}
