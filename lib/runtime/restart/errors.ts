/**
 * Errors the restart steps throw so that the state machine can branch on them: Step Functions (and
 * aws-local-stepfunctions) match `Retry`/`Catch` on the error's `name`, which Lambda reports as the
 * error type. Names are part of the ASL definition: change them together.
 */
import { ConnectError } from '#lib/errors';

export const SUPERSEDED_ERROR = 'RestartSuperseded';
export const RETRIABLE_ERROR = 'RestartRetriable';

/** The connector was deleted, re-created or changed by someone else since the restart was planned:
 *  the newer change owns its statuses, this execution ends without touching them. */
export class RestartSuperseded extends Error {
  constructor(message: string) {
    super(message);
    this.name = SUPERSEDED_ERROR;
  }
}

/** A step failed for a reason that may go away (throttling, a lost race): the state retries it. */
export class RestartRetriable extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = RETRIABLE_ERROR;
  }
}

/** What a step rethrows: retriable ConnectErrors become RestartRetriable, the rest pass unchanged. */
export function forStateMachine(err: unknown): unknown {
  return err instanceof ConnectError && err.retriable ? new RestartRetriable(err) : err;
}
