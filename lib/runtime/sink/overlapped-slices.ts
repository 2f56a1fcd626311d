/**
 * A batch's slices, put in order, with the next slice converted and transformed while the current
 * one's `put` waits on its sink (a database round trip, an HTTP call): the pipeline's CPU work and
 * the sink's I/O overlap instead of taking turns. `put` calls stay strictly sequential, as Kafka's
 * WorkerSinkTask makes them, and the deadline guard still decides before each `put` after the first
 * (batch-deadline.ts). A slice prepared ahead that the guard then refuses is dropped unput (the batch
 * comes again); nothing prepared is left running when this returns or throws.
 */
import type { DeadlineGuard } from './batch-deadline';

export interface SliceWork<S, P> {
  /** Converts and transforms one slice (no call into the task). */
  prepare(slice: S): Promise<P>;
  /** Hands a prepared slice to the task. */
  put(prepared: P, slice: S): Promise<void>;
}

/** Puts slices in order while the guard allows; returns how many were put. */
export async function putSlicesOverlapped<S, P>(slices: readonly S[], work: SliceWork<S, P>, guard: DeadlineGuard, now: () => number): Promise<number> {
  let ahead: Promise<P> | undefined;
  let done = 0;
  try {
    for (let i = 0; i < slices.length; i++) {
      const slice = slices[i] as S;
      if (!guard.mayStart()) break;
      const startedAt = now();
      const prepared = await (ahead ?? work.prepare(slice));
      ahead = undefined;
      const putting = work.put(prepared, slice);
      if (i + 1 < slices.length) {
        ahead = work.prepare(slices[i + 1] as S);
        ahead.catch(() => undefined); // awaited below or in finally; a failing put must not leave it unhandled
      }
      await putting;
      guard.finished(startedAt);
      done += 1;
    }
    return done;
  } finally {
    if (ahead !== undefined) await ahead.catch(() => undefined);
  }
}
