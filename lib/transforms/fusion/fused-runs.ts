/** Finds the pipelines' fused runs (see fused-run.ts) in a chain's stages. */
import type { ConnectRecord } from '#lib/data/connect-record';
import type { TransformationStage } from '../transformation-stage';
import type { FusedRun } from './fused-run';
import { fuseInsertReplace } from './insert-replace';

/** For each stage index, the fused run that starts there, if any (runs do not overlap). */
export function fusedRuns<R extends ConnectRecord>(stages: readonly TransformationStage<R>[]): (FusedRun<R> | undefined)[] {
  const runs = new Array<FusedRun<R> | undefined>(stages.length).fill(undefined);
  for (let i = 0; i + 1 < stages.length; i++) {
    const first = stages[i] as TransformationStage<R>;
    const second = stages[i + 1] as TransformationStage<R>;
    if (first.predicate !== null || second.predicate !== null) continue;
    const run = fuseInsertReplace(first.transformation, second.transformation);
    if (run === null) continue;
    runs[i] = run;
    i++;
  }
  return runs;
}
