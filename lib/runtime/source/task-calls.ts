/**
 * Calls into the task whose failure Kafka only logs (commit, commitRecord, stop): a misbehaving
 * callback must not fail the task or stop the window from closing.
 */
import { taskName, type SourceWindow } from './window';

export async function callTask(w: SourceWindow, method: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    w.deps.log.error(`Exception thrown while calling task.${method}() of ${taskName(w)}`, { error });
  }
}
