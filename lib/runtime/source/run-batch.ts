/**
 * One batch (Kafka's AbstractWorkerSourceTask loop body): poll → pipeline → topic creation →
 * producer.send (DLQ records go out inside the pipeline, on the same producer) → once Kafka
 * acknowledged everything, commitRecord per record and the batch's offsets become committable.
 * Retriable failures of poll and produce are retried within the window; giving up on a batch ends
 * the window (RetriesExhausted), because the task instance has already moved past its records.
 *
 * `boundary` is the previous batch boundary's check (connector read, lease renewal), started when
 * that batch was acknowledged and running while this batch is polled and converted; it must pass
 * before this batch is sent, so a pause still stops the window within one batch. (DLQ records of
 * the batch go out inside the pipeline, possibly before the check has answered.)
 */
import type { SourceRecord } from '#lib/data/connect-record';
import type { RecordMetadata } from '#lib/kafka/producer-port';
import type { SourcePipelineResult } from '#lib/runtime/pipeline/types';
import { callTask } from './task-calls';
import { renewLeaseIfDue } from './window-guards';
import { phase, retrying, type SourceWindow } from './window';

export type BatchResult = 'data' | 'idle';

export async function runBatch(w: SourceWindow, boundary: Promise<void> = Promise.resolve()): Promise<BatchResult> {
  const task = w.task;
  if (task === undefined) throw new Error('runBatch before startTask');
  const keepLease = () => renewLeaseIfDue(w);
  const records = await retrying(w, 'polling', w.plan.pollUntil, () => task.poll(), keepLease);
  w.stats.batches += 1;
  await phase(w, 'after-poll');
  if (records === null || records.length === 0) {
    await boundary;
    return 'idle';
  }
  w.stats.polled += records.length;

  const { result, metadata } = await retrying(w, 'producing', w.plan.finishBy, () => produce(w, records, boundary), keepLease);
  w.stats.produced += result.produce.length;
  await phase(w, 'after-produce');

  for (const [i, record] of result.produce.entries()) {
    await callTask(w, 'commitRecord', async () => task.commitRecord?.(record.source, metadata[i] ?? null));
  }
  for (const record of result.dropped) await callTask(w, 'commitRecord', async () => task.commitRecord?.(record, null));
  w.offsets.acknowledged(records);
  await w.topics.afterSend(result.produce.map((r) => r.topic));
  return 'data';
}

async function produce(w: SourceWindow, records: SourceRecord[], boundary: Promise<void>): Promise<{ result: SourcePipelineResult; metadata: RecordMetadata[] }> {
  const pipeline = w.pipeline;
  if (pipeline === undefined) throw new Error('produce before startTask');
  const result = await pipeline.process(records);
  await boundary;
  if (result.produce.length === 0) return { result, metadata: [] };
  await w.topics.beforeSend(result.produce.map((r) => r.topic));
  return { result, metadata: await w.deps.producer.send(result.produce) };
}
