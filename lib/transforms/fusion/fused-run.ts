/**
 * Fused runs: consecutive transformation stages applied as one step where that saves work (one
 * copy of a record's value instead of one per stage), for the pipelines' success path only.
 *
 * Contract: `apply(record)` returns exactly the record the run's stages, applied one after another,
 * would return, or NOT_FUSED when it cannot tell (an input it does not handle, or any exception);
 * it never throws, never changes its input and has no effect a stage's own `apply` would not have,
 * so on NOT_FUSED the caller applies the stages one by one and errors, retries, tolerance and DLQ
 * attribution stay those of the stage that fails. Only stages without a predicate are fused.
 */
import type { ConnectRecord } from '#lib/data/connect-record';

export const NOT_FUSED: unique symbol = Symbol('lambda-connect.notFused');

export interface FusedRun<R extends ConnectRecord = ConnectRecord> {
  /** How many stages, from the one it is found at, the run stands for. */
  readonly length: number;
  apply(record: R): R | null | typeof NOT_FUSED;
}
