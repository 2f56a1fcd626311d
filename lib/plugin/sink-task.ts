/**
 * Kafka's `SinkTask` and `SinkTaskContext`: a task that writes records consumed from Kafka to
 * another system.
 *
 * Lifecycle, as the sink runner drives it (Kafka's WorkerSinkTask): a fresh instance per task
 * run; `initialize(context)` once, then `start(props)` once; `open(partitions)` with the assigned
 * partitions before any record of them is put; `put(records)` per converted and transformed batch
 * (possibly empty); before offsets are committed, `preCommit(currentOffsets)`, whose default is
 * `flush(currentOffsets)` and then "commit all of them"; `close(partitions)` when partitions are
 * revoked or the task stops; `stop()` once, last, after the final commit.
 *
 * Concurrency: calls on one instance never overlap. Offsets given to `flush` / `preCommit` are the
 * original Kafka coordinates (before transformations): the next offset to consume per partition.
 */
import type { SinkRecord } from '#lib/data/connect-record';
import type { OffsetAndMetadata, TopicPartition } from '#lib/kafka/topic-partition';

/** Offsets per partition, keyed by `topicPartitionKey` (Java's Map<TopicPartition, OffsetAndMetadata>). */
export type PartitionOffsets = ReadonlyMap<string, { partition: TopicPartition; offset: OffsetAndMetadata }>;

export interface SinkTask {
  version(): string;
  /** Called once, before `start`; the assignment is empty until `open`. */
  initialize(context: SinkTaskContext): void;
  start(props: Record<string, string>): void | Promise<void>;
  /** Partitions now assigned to this task (original topic partitions). Default: nothing. */
  open?(partitions: readonly TopicPartition[]): void | Promise<void>;
  /** Partitions no longer assigned; writers for them should be closed. Default: nothing. */
  close?(partitions: readonly TopicPartition[]): void | Promise<void>;
  /**
   * Writes, or buffers for `flush`, the records. A RetriableError makes the runner put the same
   * batch again (after `context.timeout(ms)` if set); any other error fails the task.
   */
  put(records: readonly SinkRecord[]): void | Promise<void>;
  /** Pushes everything put so far for these partitions to the destination. Default: nothing. */
  flush?(currentOffsets: PartitionOffsets): void | Promise<void>;
  /**
   * The offsets that are safe to commit (an empty map: commit nothing). Default (`preCommitOf`):
   * `flush(currentOffsets)`, then all of `currentOffsets`.
   */
  preCommit?(currentOffsets: PartitionOffsets): PartitionOffsets | Promise<PartitionOffsets>;
  stop(): void | Promise<void>;
}

/** KIP-610's `ErrantRecordReporter`: sends a record the task could not write to the DLQ. */
export interface ErrantRecordReporter {
  /**
   * Resolves once the record and error were written to the DLQ (the runtime also waits for it
   * before committing offsets). Throws a ConnectError 'Tolerance exceeded in error handler' when
   * `errors.tolerance=none`.
   */
  report(record: SinkRecord, error: unknown): Promise<void>;
}

export interface SinkTaskContext {
  configs(): Record<string, string>;
  /** Null unless the connector has a DLQ topic or `errors.log.enable=true` (Kafka's rule). */
  errantRecordReporter(): ErrantRecordReporter | null;
  /** How long to wait before retrying a batch after a RetriableError from `put`. */
  timeout(timeoutMs: number): void;
  /** Rewinds partitions to these offsets (tasks that manage offsets themselves). */
  offset(offsets: ReadonlyArray<{ partition: TopicPartition; offset: bigint }>): void;
  assignment(): readonly TopicPartition[];
  pause(...partitions: TopicPartition[]): void;
  resume(...partitions: TopicPartition[]): void;
  /** A hint that offsets should be committed soon; no timing guarantee. */
  requestCommit(): void;
}

/** Kafka's default `preCommit`: flush, then report every given offset as safe to commit. */
export async function preCommitOf(task: SinkTask, currentOffsets: PartitionOffsets): Promise<PartitionOffsets> {
  if (task.preCommit) return task.preCommit(currentOffsets);
  await task.flush?.(currentOffsets);
  return currentOffsets;
}
