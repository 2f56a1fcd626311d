/**
 * The three steps of one batch (Kafka's AbstractWorkerSourceTask loop body), which the window's
 * batch loop (batch-loop.ts) may overlap across batches:
 *
 * 1. `pollBatch`: poll → pipeline (DLQ records go out inside the pipeline, on the same producer).
 * 2. `sendBatch`: once the previous batch boundary's check passed, topic creation for topics not
 *    seen in this window → producer.send.
 * 3. `acknowledgeBatch`: once Kafka acknowledged everything, commitRecord per record and the
 *    batch's offsets become committable; topic tracking.
 *
 * Retriable failures of poll, pipeline and produce are retried within the window; giving up on a
 * batch ends the window (RetriesExhausted), because the task instance has already moved past its
 * records. A send retry resends the converted records; it does not run the pipeline again. Each send
 * is bounded by the window's `finishBy`: a producer that keeps retrying an unreachable broker (an
 * idempotent kafkajs producer retries without end) must not hold the window past its plan.
 */
import type { SourceRecord } from '#lib/data/connect-record';
import type { RecordMetadata } from '#lib/kafka/producer-port';
import { KafkaClientError } from '#lib/kafka/errors';
import type { SourcePipelineResult, SourceProducerRecord } from '#lib/runtime/pipeline/types';
import { taskRunning } from './start-task';
import { callTask } from './task-calls';
import { renewLeaseIfDue } from './window-guards';
import { now, phase, retrying, type SourceWindow } from './window';

export interface PolledBatch {
  /** 1 for the window's first batch. */
  readonly number: number;
  /** What poll() returned; empty when the task is idle. */
  readonly records: readonly SourceRecord[];
  readonly result: SourcePipelineResult;
  /** The distinct topics of `result.produce`. */
  readonly topics: readonly string[];
}

const NOTHING: SourcePipelineResult = { produce: [], dropped: [], failed: [], dlq: [] };

export async function pollBatch(w: SourceWindow): Promise<PolledBatch> {
  const { task, pipeline } = w;
  if (task === undefined || pipeline === undefined) throw new Error('pollBatch before startTask');
  const keepLease = () => renewLeaseIfDue(w);
  const records = (await retrying(w, 'polling', w.plan.pollUntil, () => task.poll(), keepLease)) ?? [];
  await taskRunning(w);
  const number = (w.stats.batches += 1);
  await phase(w, 'after-poll', number);
  if (records.length === 0) return { number, records, result: NOTHING, topics: [] };
  w.stats.polled += records.length;
  const result = await retrying(w, 'producing', w.plan.finishBy, () => pipeline.process(records), keepLease);
  w.stats.failed += result.failed.length;
  w.stats.deadLettered += result.dlq.length;
  return { number, records, result, topics: distinctTopics(result) };
}

/** Sends the batch once `boundary` (the previous batch boundary's check) passed: a pause stops the window within one batch. */
export async function sendBatch(w: SourceWindow, batch: PolledBatch, boundary: Promise<void> = Promise.resolve()): Promise<RecordMetadata[]> {
  return retrying(w, 'producing', w.plan.finishBy, async () => {
    await boundary;
    if (batch.result.produce.length === 0) return [];
    await w.topics.beforeSend(batch.topics);
    return beforeFinish(w, w.deps.producer.send(batch.result.produce));
  }, () => renewLeaseIfDue(w));
}

/** The send's outcome, or a retriable timeout once the window's `finishBy` passed (the send itself
 *  may still complete: its records are then sent again by a later window, never lost). */
async function beforeFinish(w: SourceWindow, sending: Promise<RecordMetadata[]>): Promise<RecordMetadata[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const fail = (): void => reject(new KafkaClientError(`Kafka did not acknowledge the batch before the window's deadline`, { retriable: true, reason: 'WINDOW_DEADLINE' }));
    // Past the deadline already: a send that is settling in this turn still wins.
    timer = setTimeout(fail, Math.max(0, w.plan.finishBy - now(w)));
  });
  try {
    return await Promise.race([sending, timeout]);
  } finally {
    clearTimeout(timer);
    sending.catch(() => undefined);
  }
}

export async function acknowledgeBatch(w: SourceWindow, batch: PolledBatch, metadata: readonly RecordMetadata[]): Promise<void> {
  const { produce, dropped } = batch.result;
  w.stats.produced += produce.length;
  await phase(w, 'after-produce', batch.number);
  const task = w.task;
  if (task?.commitRecord !== undefined) {
    for (let i = 0; i < produce.length; i++) {
      const record = produce[i] as SourceProducerRecord;
      await callTask(w, 'commitRecord', async () => task.commitRecord?.(record.source, metadata[i] ?? null));
    }
    for (const record of dropped) await callTask(w, 'commitRecord', async () => task.commitRecord?.(record, null));
  }
  w.offsets.acknowledged(batch.records);
  await w.topics.afterSend(batch.topics);
}

function distinctTopics({ produce }: SourcePipelineResult): string[] {
  const topics: string[] = [];
  let last: string | undefined;
  for (const { topic } of produce) {
    if (topic === last) continue;
    last = topic;
    if (!topics.includes(topic)) topics.push(topic);
  }
  return topics;
}
