/**
 * Kafka's `SourceTask` and `SourceTaskContext`: a task that pulls records from another system for
 * the runtime to write to Kafka.
 *
 * Lifecycle, as the source runner drives it (Kafka's WorkerSourceTask): a fresh instance per task
 * run; `initialize(context)` once, then `start(props)` once with the task config (the connector's
 * `taskConfigs` entry plus `task.class`); then `poll()` repeatedly. After Kafka acknowledged a
 * record, the runner calls `commitRecord(record, metadata)`; a record dropped by a transformation,
 * or skipped by `errors.tolerance=all`, gets `commitRecord(record, null)`. `commit()` is called
 * after the source offsets of acknowledged records were stored. `stop()` is called once, last.
 *
 * Concurrency: calls on one instance never overlap, except `stop()`, which may arrive while a
 * `poll()` is pending: `poll()` should then return soon (null is fine). Records are always passed
 * back exactly as `poll()` returned them (before any transformation).
 */
import type { SourceRecord } from '#lib/data/connect-record';
import type { RecordMetadata } from '#lib/kafka/producer-port';

export interface SourceTask {
  /** Usually the connector's version. */
  version(): string;
  /** Called once, before `start`. */
  initialize(context: SourceTaskContext): void;
  /** Parses the config and sets up; throw to fail the task. */
  start(props: Record<string, string>): void | Promise<void>;
  /**
   * The next records, or null (or an empty array) when none are available now. Should not wait
   * long: return control regularly so the runner can stop or pause the task. A RetriableError
   * makes the runner poll again later; any other error fails the task.
   */
  poll(): Promise<SourceRecord[] | null>;
  /** Offsets of acknowledged records were committed; for systems that track them too. Default: nothing. */
  commit?(): void | Promise<void>;
  /** One record was acknowledged (metadata), or dropped / skipped (null). Default: nothing. */
  commitRecord?(record: SourceRecord, metadata: RecordMetadata | null): void | Promise<void>;
  /** Stop polling and release resources; may be called while `poll()` is pending. */
  stop(): void | Promise<void>;
}

/** Kafka's `OffsetStorageReader`: the committed source offsets of this connector. */
export interface OffsetStorageReader {
  /** The offset of one source partition, or null if none was committed. */
  offset(partition: Record<string, unknown>): Promise<Record<string, unknown> | null>;
  /**
   * Offsets of several partitions, as [partition, offset] pairs; partitions without an offset are
   * left out. Rejects only when the whole read failed (store unavailable).
   */
  offsets(partitions: readonly Record<string, unknown>[]): Promise<Array<[Record<string, unknown>, Record<string, unknown>]>>;
}

export interface SourceTaskContext {
  /** The latest task config (it may differ from the one given to `start`). */
  configs(): Record<string, string>;
  readonly offsetStorageReader: OffsetStorageReader;
}
