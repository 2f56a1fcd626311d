/**
 * Kafka's `ProcessingContext`: what the error handler knows about one record while it moves
 * through the pipeline — the original record, the stage and class executing, the attempts made and
 * the error that made it fail. One context per record, used by one pipeline at a time.
 */
import type { ProducerRecord } from '#lib/kafka/producer-port';
import type { Stage } from './stage';

export class ProcessingContext<O> {
  /** The record before processing: the consumed record (sinks) or what the task returned (sources). */
  readonly original: O;
  stage: Stage;
  /** The class name of the plugin executing the operation (e.g. the converter's class). */
  executingClass: string;
  /** Attempts made at the current operation (1 when it was not retried). */
  attempt = 0;
  /** The record the dead letter queue reporter wrote for this failure, if any. */
  deadLetter: ProducerRecord | null = null;
  #error: unknown = undefined;
  #failed = false;

  constructor(original: O, stage: Stage, executingClass: string) {
    this.original = original;
    this.stage = stage;
    this.executingClass = executingClass;
  }

  /** Kafka's `currentContext`: the stage and class of the operation about to run. */
  currentContext(stage: Stage, executingClass: string): this {
    this.stage = stage;
    this.executingClass = executingClass;
    return this;
  }

  get error(): unknown {
    return this.#error;
  }

  /** Marks the record failed with this error (any thrown value, even undefined). */
  fail(error: unknown): void {
    this.#error = error;
    this.#failed = true;
  }

  failed(): boolean {
    return this.#failed;
  }
}
