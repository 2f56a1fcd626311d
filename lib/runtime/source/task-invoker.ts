/**
 * The port that starts task invocations: asynchronous Lambda invokes on AWS, in-process calls in
 * standalone mode. Both run the same entry (`SourceRuntime.runTask`).
 */
import type { SourceTaskInvocation } from './types';

export interface TaskInvoker {
  /** Starts one window of the task and resolves once the invocation was handed over — not when it
   *  ran. Rejects (with `retriable` set when trying again may help) if it could not be started. */
  invokeSourceTask(invocation: SourceTaskInvocation): Promise<void>;
}
