/**
 * One step of a transformation chain as the pipelines run it (Kafka's `TransformationStage`): the
 * transformation, applied only when its predicate (if any) matches — or does not, with
 * `negate=true`. The pipeline runs each stage under the error handler as stage TRANSFORMATION,
 * naming `transformClass`; a predicate failure counts as the stage's failure, as in Kafka.
 */
import type { ConnectRecord } from '#lib/data/connect-record';

export interface TransformationStage<R extends ConnectRecord = ConnectRecord> {
  readonly transformClass: string;
  /** The record transformed, unchanged (predicate did not select it), or null to drop it. */
  apply(record: R): R | null;
  close(): void;
}

export interface StagePredicate<R extends ConnectRecord = ConnectRecord> {
  test(record: R): boolean;
  close(): void;
}

export interface StageTransformation<R extends ConnectRecord = ConnectRecord> {
  apply(record: R): R | null;
  close(): void;
}

/** Kafka's `TransformationStage.apply`: `predicate == null || negate ^ predicate.test(record)`. */
export function transformationStage<R extends ConnectRecord>(
  transformClass: string,
  transformation: StageTransformation<R>,
  predicate: StagePredicate<R> | null = null,
  negate = false,
): TransformationStage<R> {
  return {
    transformClass,
    apply: predicate === null ? (record) => transformation.apply(record) : (record) => (negate !== predicate.test(record) ? transformation.apply(record) : record),
    close() {
      transformation.close();
      predicate?.close();
    },
  };
}
