/**
 * A chain's transformation stages applied to one record on the pipelines' success path: each fused
 * run (lib/transforms/fusion) as one step when it handles the record, every other stage on its own.
 * A stage that throws ends the chain with a StageFailure (the stage's index, the error and the record
 * it was given), so the caller's error handling runs for exactly that stage; nothing is allocated
 * for a record that goes through.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import { NOT_FUSED } from '#lib/transforms/fusion/fused-run';
import { fusedRuns } from '#lib/transforms/fusion/fused-runs';
import type { TransformationStage } from '#lib/transforms/transformation-stage';

export class StageFailure<R> {
  constructor(readonly index: number, readonly error: unknown, readonly input: R) {}
}

/** The transformed record, null when a stage dropped it, or the failure of the stage that threw. */
export type ChainResult<R> = R | null | StageFailure<R>;

export function transformationChain<R extends ConnectRecord>(stages: readonly TransformationStage<R>[]): (record: R) => ChainResult<R> {
  const fused = fusedRuns(stages);
  return (first) => {
    let record: R | null = first;
    for (let i = 0; i < stages.length && record !== null; i++) {
      const input: R = record;
      const run = fused[i];
      if (run !== undefined) {
        const result = run.apply(input);
        if (result !== NOT_FUSED) {
          record = result;
          i += run.length - 1;
          continue;
        }
      }
      try {
        record = (stages[i] as TransformationStage<R>).apply(input);
      } catch (error) {
        return new StageFailure(i, error, input);
      }
    }
    return record;
  };
}
