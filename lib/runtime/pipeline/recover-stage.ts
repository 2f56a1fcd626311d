/**
 * The slow path of a pipeline stage. Pipelines run each stage synchronously first (no promise on
 * the success path); only when it throws do they hand the stage to the error handler, which
 * retries, applies tolerance and reports.
 */
import type { ProcessingContext as Context } from '#lib/runtime/errors/processing-context';
import { ProcessingContext } from '#lib/runtime/errors/processing-context';
import type { RetryWithToleranceOperator } from '#lib/runtime/errors/retry-with-tolerance-operator';
import type { Stage } from '#lib/runtime/errors/stage';
import type { DeadLetter, FailedRecord } from './types';

export type StageOutcome<T, O> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly context: Context<O> };

/** Retries `op(input)` after its first attempt threw `error`; rejects when the failure is not tolerated. */
export async function recoverStage<O, I, T>(
  operator: RetryWithToleranceOperator<O>,
  original: O,
  stage: Stage,
  executingClass: string,
  op: (input: I) => T,
  input: I,
  error: unknown,
): Promise<StageOutcome<T, O>> {
  const context = new ProcessingContext(original, stage, executingClass);
  const outcome = await operator.recover(context, () => op(input), error);
  return outcome.ok ? outcome : { ok: false, context };
}

/** A record's failure, as a per-record result distinguishable from a record (or null) by `instanceof`. */
export class Failure<R> {
  constructor(readonly failed: FailedRecord<R>) {}
}

export function failure<O, R>(context: Context<O>, original: R): Failure<R> {
  return new Failure({
    original,
    stage: context.stage,
    executingClass: context.executingClass,
    error: context.error,
    attempts: context.attempt,
    deadLetter: context.deadLetter,
  });
}

export function deadLetters<R>(failed: readonly FailedRecord<R>[]): DeadLetter<R>[] {
  return failed.filter((f): f is DeadLetter<R> => f.deadLetter !== null);
}
