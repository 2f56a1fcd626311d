/**
 * One polling window of one source task: the source-task function's whole job (see
 * docs/source-tasks.md). Claim (checks + lease) → start the task → batches until the window ends →
 * close. Rejects only with SimulatedCrash (crash injection); every other end is in the summary.
 */
import { claimTask } from './claim-task';
import { commitDue, commitOffsets } from './commit-offsets';
import { endAbnormally, finishWindow } from './end-window';
import { runBatch } from './run-batch';
import { startTask } from './start-task';
import type { EndReason, InvocationContext, SourceTaskInvocation, SourceWindowDeps, SourceWindowSummary } from './types';
import { checkBoundary } from './window-guards';
import { now, resolveDeps, type SourceWindow } from './window';

export async function runSourceWindow(deps: SourceWindowDeps, invocation: SourceTaskInvocation, context: InvocationContext): Promise<SourceWindowSummary> {
  const resolved = resolveDeps(deps);
  const claim = await claimTask(resolved, invocation, context, resolved.clock.now());
  if ('skipped' in claim) return claim.skipped;
  const w = claim.window;
  try {
    await startTask(w);
    return await finishWindow(w, await pollUntilDone(w));
  } catch (error) {
    return endAbnormally(w, error);
  }
}

async function pollUntilDone(w: SourceWindow): Promise<EndReason> {
  // The batch boundary's check runs while the next batch is polled; runBatch awaits it before sending.
  let boundary: Promise<void> | undefined;
  const settled = async (reason: EndReason): Promise<EndReason> => {
    await boundary;
    return reason;
  };
  for (;;) {
    if (w.context.signal?.aborted === true) return settled('shutdown');
    if (now(w) >= w.plan.pollUntil) return settled('time');
    w.idle = (await runBatch(w, boundary)) === 'idle';
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

/** The same promise, marked as handled: it is awaited later, maybe after it settled. */
function quietly<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
