/**
 * Every way a window ends. A clean end commits, stops the task, releases the lease and, when the
 * task was still busy, starts the next window at once. The other ends do less, on purpose:
 *
 * | end        | commit | task.stop | lease    | status  | successor                         |
 * |------------|--------|-----------|----------|---------|-----------------------------------|
 * | clean      | yes    | yes       | released | —       | when it ended by time while busy  |
 * | superseded | no     | yes       | released | —       | for the new generation, if STARTED|
 * | fenced     | no     | yes       | —        | —       | —                                 |
 * | failed     | yes    | yes       | released | FAILED  | — (automatic recovery may restart) |
 * | crash      | —      | —         | —        | —       | — (the lease expires)             |
 *
 * A superseded window must not commit: commits are fenced on the generation the window started
 * with (a stop followed by PATCH /offsets must win). A fenced window is a zombie: the lease and
 * status belong to someone else now; stopping its task only frees local resources.
 */
import { commitOffsets } from './commit-offsets';
import { RetriesExhausted, SimulatedCrash, WindowFenced, WindowSuperseded } from './errors';
import { callTask } from './task-calls';
import { taskRunning } from './start-task';
import { publishTaskStatus } from './task-status';
import { assertCurrent } from './window-guards';
import type { EndReason, SourceWindowSummary } from './types';
import { summary, taskName, type SourceWindow } from './window';

export async function finishWindow(w: SourceWindow, reason: EndReason): Promise<SourceWindowSummary> {
  try {
    await taskRunning(w);
    await commitOffsets(w);
  } catch (error) {
    if (!(error instanceof RetriesExhausted)) return endAbnormally(w, error);
    w.deps.log.error(`Could not commit the offsets of ${taskName(w)}; its last records will be sent again`, { error });
  }
  await stopTask(w);
  await releaseLease(w);
  const busy = reason === 'time' && !w.idle && w.stats.batches > 0;
  const continued = busy && (await startSuccessor(w, w.record.generation));
  return summary(w, 'completed', reason, continued);
}

/** Turns what interrupted a window into its end. SimulatedCrash passes through untouched. */
export async function endAbnormally(w: SourceWindow, error: unknown): Promise<SourceWindowSummary> {
  if (error instanceof SimulatedCrash) throw error;
  await taskRunning(w).catch(() => undefined); // a FAILED status must not land before RUNNING
  if (error instanceof WindowFenced) return abandon(w, error);
  if (error instanceof WindowSuperseded) return stepAside(w, error);
  if (error instanceof RetriesExhausted) {
    // With automatic recovery, an outage that outlasted the window shows as FAILED and is restarted with backoff.
    if (w.deps.recovery !== undefined) return failTask(w, error);
    w.deps.log.warn(`${error.message}; the next window carries on`, { error: error.cause });
    return finishWindow(w, 'retries-exhausted');
  }
  return failTask(w, error);
}

async function abandon(w: SourceWindow, fenced: WindowFenced): Promise<SourceWindowSummary> {
  w.deps.log.warn(`Invocation ${w.context.invocationId} of ${taskName(w)} was fenced (${fenced.reason}); stopping without committing`);
  await stopTask(w);
  return summary(w, 'fenced', fenced.reason);
}

async function stepAside(w: SourceWindow, superseded: WindowSuperseded): Promise<SourceWindowSummary> {
  const { current } = superseded;
  w.deps.log.info(`Stopping ${taskName(w)} at a batch boundary: ${superseded.message}`);
  await stopTask(w);
  await releaseLease(w);
  // A config change or restart: the new generation's window need not wait for the next tick.
  const next = current !== undefined && current.targetState === 'STARTED' && w.invocation.taskId < current.taskConfigs.length;
  const continued = next && (await startSuccessor(w, current.generation));
  return summary(w, 'stopped', current === undefined ? 'deleted' : 'state-changed', continued);
}

/** Kafka commits the offsets of acknowledged records even when the task failed; so do we. A failure
 *  under a generation that was already replaced is not reported: the new generation runs afresh. */
async function failTask(w: SourceWindow, failure: unknown): Promise<SourceWindowSummary> {
  try {
    await commitOffsets(w);
    assertCurrent(w, await w.deps.stores.configs.get(w.invocation.connector));
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    if (error instanceof WindowFenced) return abandon(w, error);
    if (error instanceof WindowSuperseded) return stepAside(w, error);
    w.deps.log.error(`Could not commit the offsets of failed task ${taskName(w)}`, { error });
  }
  w.deps.log.error(`Task ${taskName(w)} failed`, { error: failure });
  const published = await publishTaskStatus(w, 'FAILED', failure).then(
    () => true,
    (error: unknown) => void w.deps.log.error(`Could not record the failure of ${taskName(w)}`, { error }),
  );
  await stopTask(w);
  await releaseLease(w);
  if (published === true) await handOver(w, failure instanceof RetriesExhausted ? failure.cause : failure);
  return summary(w, 'failed', 'error');
}

/** Automatic recovery decides whether the FAILED task is restarted (retriable failures only). */
async function handOver(w: SourceWindow, error: unknown): Promise<void> {
  const { connector, taskId } = w.invocation;
  try {
    await w.deps.recovery?.taskFailed({ connector, taskId, incarnation: w.record.incarnation, generation: w.record.generation, error });
  } catch (failure) {
    w.deps.log.error(`Could not schedule the automatic restart of ${taskName(w)}; it stays FAILED`, { error: failure });
  }
}

async function stopTask(w: SourceWindow): Promise<void> {
  if (w.task !== undefined) await callTask(w, 'stop', async () => w.task?.stop());
  try {
    w.pipeline?.close();
  } catch (error) {
    w.deps.log.warn(`Could not close the pipeline of ${taskName(w)}`, { error });
  }
}

async function releaseLease(w: SourceWindow): Promise<void> {
  try {
    await w.deps.stores.leases.release(w.lease);
  } catch (error) {
    w.deps.log.warn(`Could not release the lease of ${taskName(w)}; it expires on its own`, { error });
  }
}

async function startSuccessor(w: SourceWindow, generation: number): Promise<boolean> {
  const { invoker, log } = w.deps;
  if (invoker === undefined || w.context.signal?.aborted === true) return false;
  try {
    await invoker.invokeSourceTask({ connector: w.invocation.connector, taskId: w.invocation.taskId, generation });
    return true;
  } catch (error) {
    log.warn(`Could not start the next window of ${taskName(w)}; the next schedule tick will`, { error });
    return false;
  }
}
