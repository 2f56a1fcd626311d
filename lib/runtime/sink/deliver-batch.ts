/**
 * One task's share of a batch: open new partitions, then per slice (batch-deadline.ts) convert and
 * transform (pipeline) and `put`, while the deadline allows, then `preCommit` (default: flush) with
 * the next offset of every partition the task was given records of. Records below the offset this
 * task instance already flushed for their partition are skipped: the mapping delivers a batch
 * again after a failed invocation (a deadline stop, another task's failure), and what this very
 * instance flushed need not be put twice. A new instance (another container, a new generation)
 * has no such memory and puts them again (at least once).
 */
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import type { TopicPartition } from '#lib/kafka/topic-partition';
import { topicPartitionKey } from '#lib/kafka/topic-partition';
import { preCommitOf, type PartitionOffsets } from '#lib/plugin/sink-task';
import { slicesOf, type DeadlineGuard, type Slice } from './batch-deadline';
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
  const flushed = (running.flushed ??= new Map<string, bigint>());
  const current = new Map<string, { partition: TopicPartition; offset: { offset: bigint } }>();
  const counts = { received: 0, put: 0, filtered: 0, failed: 0, deadLettered: 0, unprocessed: 0 };
  for (const slice of slicesOf(partitions)) {
    if (!guard.mayStart()) {
      counts.unprocessed += slice.reduce((n, p) => n + p.records.length, 0);
      continue;
    }
    const startedAt = now();
    const records = unflushedOf(slice, flushed);
    counts.received += records.length;
    if (records.length > 0) {
      const result = await pipeline.process(records);
      await task.put(result.records);
      counts.put += result.records.length;
      counts.filtered += result.filtered;
      counts.failed += result.failed.length;
      counts.deadLettered += result.dlq.length;
    }
    for (const { topic, partition, records: part } of slice) {
      const last = part[part.length - 1];
      if (last) current.set(topicPartitionKey({ topic, partition }), { partition: { topic, partition }, offset: { offset: last.offset + 1n } });
    }
    guard.finished(startedAt);
  }
  const offsets = current.size === 0 ? current : await preCommitOf(task, current);
  for (const [key, { offset }] of offsets) if (offset.offset > (flushed.get(key) ?? -1n)) flushed.set(key, offset.offset);
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

/** The slice's records this instance has not flushed yet (records are in offset order per partition). */
function unflushedOf(slice: Slice, flushed: ReadonlyMap<string, bigint>): readonly ConsumerRecord[] {
  const parts = slice.map(({ topic, partition, records }) => {
    const from = flushed.get(topicPartitionKey({ topic, partition }));
    if (from === undefined || (records[0] as ConsumerRecord).offset >= from) return records;
    const at = records.findIndex((r) => r.offset >= from);
    return at < 0 ? [] : records.slice(at);
  });
  return parts.length === 1 ? (parts[0] as readonly ConsumerRecord[]) : parts.flat();
}
