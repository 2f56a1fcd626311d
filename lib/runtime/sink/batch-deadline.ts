/**
 * The sink-task function's deadline (docs/sink-tasks.md, "Deadline"): a batch is put in slices of at
 * most SLICE_RECORDS records, and before each slice after the first the runtime
 * checks that the slice, judged by the slowest one so far, still leaves the reserve for flushing and
 * recording offsets before the invocation's deadline. When it does not, the task flushes what it
 * was given, the offsets of that part are recorded, and the invocation fails with
 * SinkDeadlineError, so the event source mapping delivers the batch again instead of Lambda killing
 * the invocation in the middle of a flush. The first slice always runs, so every invocation makes
 * progress however short its time.
 */
import { ConnectError } from '#lib/errors';
import type { PartitionBatch } from './types';

/** Records per `put` at most when a batch is sliced. */
export const SLICE_RECORDS = 1_000;
/** Time kept for `preCommit`/`flush` and the offset write, at most a quarter of the invocation's time. */
export const FLUSH_RESERVE_MS = 30_000;

/** Not a task failure: the batch ran out of time and must be delivered again. Retriable. */
export class SinkDeadlineError extends ConnectError {
  constructor(message: string) {
    super('RETRIABLE', message, { retriable: true });
  }
}

/** What one `put` gets: consecutive records of one or more partitions, SLICE_RECORDS at most. */
export type Slice = readonly PartitionBatch[];

/** A batch of at most `size` records is one slice, as Kafka puts one poll's records at once. */
export function slicesOf(partitions: readonly PartitionBatch[], size = SLICE_RECORDS): Slice[] {
  const slices: PartitionBatch[][] = [];
  let slice: PartitionBatch[] = [];
  let room = size;
  for (const { topic, partition, records } of partitions) {
    for (let at = 0; at < records.length; ) {
      const take = Math.min(room, records.length - at);
      slice.push(take === records.length ? { topic, partition, records } : { topic, partition, records: records.slice(at, at + take) });
      at += take;
      room -= take;
      if (room === 0) {
        slices.push(slice);
        slice = [];
        room = size;
      }
    }
  }
  if (slice.length > 0) slices.push(slice);
  return slices;
}

/** Decides before each slice whether there is still time for it. */
export interface DeadlineGuard {
  /** Whether the next slice may start (always true for the first). */
  mayStart(): boolean;
  /** Called after a slice finished that started at `startedAt`. */
  finished(startedAt: number): void;
}

/** Without a usable remaining time (not a finite number), every slice may start. */
export function deadlineGuard(now: () => number, deadline: number, remainingMs: number): DeadlineGuard {
  if (!Number.isFinite(deadline) || !Number.isFinite(remainingMs)) return { mayStart: () => true, finished: () => undefined };
  const reserveMs = Math.min(FLUSH_RESERVE_MS, remainingMs / 4);
  let slowest = 0;
  let done = 0;
  return {
    mayStart: () => done === 0 || now() + slowest + reserveMs <= deadline,
    finished(startedAt) {
      done += 1;
      slowest = Math.max(slowest, now() - startedAt);
    },
  };
}
