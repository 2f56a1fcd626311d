/**
 * One polling window of one source task: the source-task function's whole job (see
 * docs/source-tasks.md). Claim (checks + lease) → start the task → batches until the window ends
 * (batch-loop.ts) → close. Rejects only with SimulatedCrash (crash injection); every other end is in
 * the summary.
 */
import { pollUntilDone } from './batch-loop';
import { claimTask } from './claim-task';
import { endAbnormally, finishWindow } from './end-window';
import { startTask } from './start-task';
import type { InvocationContext, SourceTaskInvocation, SourceWindowDeps, SourceWindowSummary } from './types';
import { resolveDeps } from './window';

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
