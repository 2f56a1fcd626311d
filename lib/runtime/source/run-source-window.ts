/**
 * One polling window of one source task: the source-task function's whole job (see
 * docs/source-tasks.md). Claim (checks + lease) → start the task → batches until the window ends
 * (batch-loop.ts) → close → metrics (window-metrics.ts). Rejects only with SimulatedCrash (crash
 * injection); every other end is in the summary.
 */
import { pollUntilDone } from './batch-loop';
import { claimTask } from './claim-task';
import { endAbnormally, finishWindow } from './end-window';
import { startTask } from './start-task';
import type { InvocationContext, SourceTaskInvocation, SourceWindowDeps, SourceWindowSummary } from './types';
import { now, resolveDeps } from './window';
import { reportWindowMetrics } from './window-metrics';

export async function runSourceWindow(deps: SourceWindowDeps, invocation: SourceTaskInvocation, context: InvocationContext): Promise<SourceWindowSummary> {
  const resolved = resolveDeps(deps);
  const claim = await claimTask(resolved, invocation, context, resolved.clock.now());
  if ('skipped' in claim) return claim.skipped;
  const w = claim.window;
  let pollingEndedAt: number | undefined;
  let ended: SourceWindowSummary;
  try {
    await startTask(w);
    const reason = await pollUntilDone(w);
    pollingEndedAt = now(w);
    ended = await finishWindow(w, reason);
  } catch (error) {
    pollingEndedAt ??= now(w);
    ended = await endAbnormally(w, error);
  }
  reportWindowMetrics(w, ended, pollingEndedAt);
  return ended;
}
