/**
 * One task's share of a batch: open new partitions, then per slice (batch-deadline.ts) convert and
 * transform (pipeline) and `put`, while the deadline allows — the next slice converted while the
 * current one is being put (overlapped-slices.ts) — then `preCommit` (default: flush) with
 * the next offset of every partition the task was given records of.
 *
 * Replays: after a failed invocation (a deadline stop, another task's failure) the mapping delivers
 * the same batch again, from the same first offset. What this very instance flushed of it need not
 * be put twice, so each delivery remembers, per partition, its first offset and the offset up to
 * which it flushed; the next delivery skips records only when it starts at exactly that first offset
 * (the same batch again). Anything else — a later batch, offsets that went backwards because the
 * topic was recreated or the cluster replaced — is put whole: skipping is never allowed to lose a
 * record. A successful invocation forgets the memory (forgetReplay), and a new instance (another
 * container, a new generation) has none: it puts the records again (at least once).
 */
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import type { TopicPartition } from '#lib/kafka/topic-partition';
import { topicPartitionKey } from '#lib/kafka/topic-partition';
import { preCommitOf, type PartitionOffsets } from '#lib/plugin/sink-task';
import { slicesOf, type DeadlineGuard, type Slice } from './batch-deadline';
import { putSlicesOverlapped } from './overlapped-slices';
import { headTimestamp, type TaskBatchCounts } from './batch-metrics';
import type { RunningSinkTask } from './running-tasks';
import type { PartitionBatch } from './types';

export interface TaskResult extends TaskBatchCounts {
  filtered: number;
  offsets: PartitionOffsets;
  /** Records left out because the deadline came near: the batch must be delivered again. */
  unprocessed: number;
}

export async function deliver(running: RunningSinkTask, taskId: number, partitions: PartitionBatch[], guard: DeadlineGuard, now: () => number): Promise<TaskResult> {
  const { task, pipeline } = running;
  await openFresh(running, partitions);
  const previous = replayOf(running.flushed, partitions);
  const flushed = new Map<string, FlushedRange>();
  running.flushed = flushed;
  const current = new Map<string, { partition: TopicPartition; offset: { offset: bigint } }>();
  const counts = { received: 0, put: 0, filtered: 0, failed: 0, deadLettered: 0, unprocessed: 0 };
  const slices = slicesOf(partitions);
  const put = await putSlicesOverlapped(
    slices,
    {
      prepare: async (slice: Slice) => {
        const records = unflushedOf(slice, previous);
        return { received: records.length, result: records.length > 0 ? await pipeline.process(records) : undefined };
      },
      put: async ({ received, result }, slice) => {
        if (result !== undefined) await task.put(result.records);
        counts.received += received;
        if (result !== undefined) {
          counts.put += result.records.length;
          counts.filtered += result.filtered;
          counts.failed += result.failed.length;
          counts.deadLettered += result.dlq.length;
        }
        for (const { topic, partition, records: part } of slice) {
          const last = part[part.length - 1];
          if (last) current.set(topicPartitionKey({ topic, partition }), { partition: { topic, partition }, offset: { offset: last.offset + 1n } });
        }
      },
    },
    guard,
    now,
  );
  for (const slice of slices.slice(put)) counts.unprocessed += slice.reduce((n, p) => n + p.records.length, 0);
  const offsets = current.size === 0 ? current : await preCommitOf(task, current);
  for (const { topic, partition, records } of partitions) {
    const key = topicPartitionKey({ topic, partition });
    const through = offsets.get(key)?.offset.offset;
    const first = records[0]?.offset;
    if (through !== undefined && first !== undefined) flushed.set(key, { first, through });
  }
  const head = headTimestamp(partitions);
  return { taskId, ...counts, ...(head === undefined ? {} : { headTimestamp: head }), offsets };
}

async function openFresh(running: RunningSinkTask, partitions: PartitionBatch[]): Promise<void> {
  const fresh: TopicPartition[] = [];
  for (const { topic, partition } of partitions) {
    const tp = { topic, partition };
    const id = topicPartitionKey(tp);
    if (!running.context.assigned.has(id)) {
      running.context.assigned.set(id, tp);
      fresh.push(tp);
    }
  }
  if (fresh.length > 0) await running.task.open?.(fresh);
}

/** A delivery's range of one partition: the batch's first offset, and the next offset after what was flushed. */
export interface FlushedRange {
  first: bigint;
  through: bigint;
}

/** After a successful invocation the mapping moves on: nothing of this batch comes again. */
export function forgetReplay(running: RunningSinkTask): void {
  running.flushed = undefined;
}

/**
 * Per partition, the offset this instance flushed through, for the partitions where this delivery
 * is a replay of the previous one (it starts at the same first offset); undefined when none is.
 */
function replayOf(last: ReadonlyMap<string, FlushedRange> | undefined, partitions: readonly PartitionBatch[]): Map<string, bigint> | undefined {
  if (last === undefined || last.size === 0) return undefined;
  let replay: Map<string, bigint> | undefined;
  for (const { topic, partition, records } of partitions) {
    const key = topicPartitionKey({ topic, partition });
    const range = last.get(key);
    if (range !== undefined && records[0]?.offset === range.first) (replay ??= new Map()).set(key, range.through);
  }
  return replay;
}

/** The slice's records this instance has not flushed yet (records are in offset order per partition). */
function unflushedOf(slice: Slice, flushed: ReadonlyMap<string, bigint> | undefined): readonly ConsumerRecord[] {
  const parts = slice.map(({ topic, partition, records }) => {
    const from = flushed?.get(topicPartitionKey({ topic, partition }));
    if (from === undefined || (records[0] as ConsumerRecord).offset >= from) return records;
    const at = records.findIndex((r) => r.offset >= from);
    return at < 0 ? [] : records.slice(at);
  });
  return parts.length === 1 ? (parts[0] as readonly ConsumerRecord[]) : parts.flat();
}
