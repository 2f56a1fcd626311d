/**
 * Kafka's `ErrorReporter`: told about every record that failed for good (tolerated or not).
 *
 * Contract: the error handler calls `report(context)` synchronously, once per failure, in record
 * order, after retries gave up and before it decides to skip the record or stop the task; it must
 * not throw. Work that needs I/O is queued and done by `flush()`, which the pipeline awaits at the
 * end of every batch and before it fails a task — so a batch's offsets are never committed before
 * its failures are persisted. `flush` may be called again before an earlier call settled (a sink
 * task reporting several errant records without waiting); each call writes what was queued before it.
 */
import type { ProcessingContext } from './processing-context';

export interface ErrorReporter<O> {
  report(context: ProcessingContext<O>): void;
  /** Persists what `report` queued; rejects (with a ConnectError) if that was not possible. */
  flush(): Promise<void>;
}
