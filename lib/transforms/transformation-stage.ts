/**
 * Kafka's `TransformationStage`: one transformation, applied only to records its predicate accepts
 * (`negate` inverts the predicate); records it does not apply to pass through unchanged.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import type { Predicate } from '#lib/predicates/predicate';
import type { Transformation } from './transformation';

export interface TransformationStageInit<R extends ConnectRecord> {
  /** The alias in `transforms`. */
  readonly alias: string;
  /** The transformation's class name, resolved from an alias if one was configured. */
  readonly transformClass: string;
  readonly transformation: Transformation<R>;
  readonly predicate?: Predicate<R> | null;
  readonly negate?: boolean;
  /** Called with errors from `close()`, which never stop the other stages from closing. */
  readonly onCloseError?: (err: unknown) => void;
}

export class TransformationStage<R extends ConnectRecord = ConnectRecord> {
  readonly alias: string;
  readonly transformClass: string;
  readonly transformation: Transformation<R>;
  readonly predicate: Predicate<R> | null;
  readonly negate: boolean;
  readonly #onCloseError: (err: unknown) => void;

  constructor(init: TransformationStageInit<R>) {
    this.alias = init.alias;
    this.transformClass = init.transformClass;
    this.transformation = init.transformation;
    this.predicate = init.predicate ?? null;
    this.negate = init.negate ?? false;
    this.#onCloseError = init.onCloseError ?? (() => undefined);
  }

  apply(record: R): R | null {
    if (this.predicate === null || this.negate !== this.predicate.test(record)) return this.transformation.apply(record) ?? null;
    return record;
  }

  /** Closes the transformation, then the predicate, each quietly (Kafka's `Utils.closeQuietly`). */
  close(): void {
    this.#closeQuietly(() => this.transformation.close());
    if (this.predicate !== null) this.#closeQuietly(() => this.predicate?.close());
  }

  toString(): string {
    return `TransformationStage{predicate=${String(this.predicate)}, transformation=${this.transformClass}, negate=${this.negate}}`;
  }

  #closeQuietly(close: () => void): void {
    try {
      close();
    } catch (err) {
      this.#onCloseError(err);
    }
  }
}
