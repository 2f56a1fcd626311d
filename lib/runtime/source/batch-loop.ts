/**
 * The batches of one window, until polling ends. Per batch: poll and convert → send → acknowledge
 * → commit when due → batch boundary check. Two things overlap, both on one async flow:
 *
 * - The boundary check (connector read, lease renewal) runs while the next batch is polled and
 *   converted; that batch is sent only once the check passed, so a pause, stop or config change
 *   still stops the window within one batch.
 * - While a batch is in flight, the next one is polled and converted ("poll ahead"), unless a
 *   commit is due: sends never overlap (one batch in flight, acknowledged in poll order, so offsets
 *   are committed in order and only for acknowledged records), and with commits due every batch
 *   a poll still follows the previous batch's commit. The polled-ahead batch is settled before the
 *   acknowledged batch's commitRecord calls, so calls into the task never overlap.
 */
import { SimulatedCrash } from './errors';
import { commitDue, commitOffsets } from './commit-offsets';
import { acknowledgeBatch, pollBatch, sendBatch, type PolledBatch } from './run-batch';
import type { EndReason } from './types';
import { checkBoundary } from './window-guards';
import { now, type SourceWindow } from './window';

export async function pollUntilDone(w: SourceWindow): Promise<EndReason> {
  let boundary: Promise<void> | undefined;
  let ahead: Promise<PolledBatch> | undefined;
  for (;;) {
    if (ahead === undefined) {
      const end = endOfPolling(w);
      if (end !== undefined) {
        await boundary;
        return end;
      }
    }
    const batch = await (ahead ?? pollBatch(w));
    ahead = undefined;
    w.idle = batch.records.length === 0;
    if (w.idle) await boundary;
    else {
      const sending = sendBatch(w, batch, boundary);
      if (mayPollAhead(w)) ahead = quietly(nextTurn().then(() => pollBatch(w)));
      const metadata = await sending.catch(async (error: unknown) => {
        await failureOf(ahead); // the task is stopped next: its poll must have returned
        throw error;
      });
      const failure = await failureOf(ahead);
      if (failure instanceof SimulatedCrash) throw failure; // the invocation dies here: nothing is acknowledged
      // Any other failure of the polled-ahead batch surfaces when the loop takes it, after this batch's acknowledgement.
      await acknowledgeBatch(w, batch, metadata);
    }
    const committed = commitDue(w) && (await commitOffsets(w));
    // A commit has just checked the connector and renewed the lease; otherwise check at this boundary.
    boundary = committed ? undefined : quietly(checkBoundary(w));
    if (w.idle) {
      await boundary;
      boundary = undefined;
      const wait = w.plan.pollIntervalMs;
      // Idle: poll again after the connector's own interval if the window has room, else end early.
      if (wait === undefined || now(w) + wait >= w.plan.pollUntil) return 'idle';
      await w.deps.clock.sleep(wait, w.context.signal);
    }
  }
}

function endOfPolling(w: SourceWindow): EndReason | undefined {
  if (w.context.signal?.aborted === true) return 'shutdown';
  if (now(w) >= w.plan.pollUntil) return 'time';
  return undefined;
}

/** Polling on while a batch is in flight: only while the window polls and no commit is due yet. */
function mayPollAhead(w: SourceWindow): boolean {
  return endOfPolling(w) === undefined && now(w) - w.lastCommitAt < w.deps.settings.offsetFlushIntervalMs;
}

/** After the I/O callbacks of this turn: the send in flight writes its request before the next poll's conversion takes the CPU. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** What the promise rejected with, once it settled (undefined when it resolved or is absent). */
async function failureOf(promise: Promise<unknown> | undefined): Promise<unknown> {
  return promise?.then(() => undefined, (error: unknown) => error ?? new Error('rejected without a reason'));
}

/** The same promise, marked as handled: it is awaited later, maybe after it settled. */
function quietly<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
