/**
 * Kafka's `TransformationChain`: the stages in `transforms` order, each given the previous one's
 * result; a null result drops the record and ends the chain. Error handling (errors.tolerance,
 * retries) is the caller's: a stage's exception propagates unchanged.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import type { TransformationStage } from './transformation-stage';

export class TransformationChain<R extends ConnectRecord = ConnectRecord> {
  constructor(readonly stages: readonly TransformationStage<R>[]) {}

  /** The transformed record, or null when a stage dropped it. */
  apply(record: R): R | null {
    let current: R | null = record;
    for (const stage of this.stages) {
      current = stage.apply(current);
      if (current === null) return null;
    }
    return current;
  }

  /** Closes every stage, in order; a failing close does not stop the others. */
  close(): void {
    for (const stage of this.stages) stage.close();
  }

  toString(): string {
    return `TransformationChain{${this.stages.map((s) => s.transformClass).join(', ')}}`;
  }
}
