/** Time as the runner sees it: injectable so tests can expire leases without waiting. */
import { sleep } from '#lib/runtime/errors/backoff';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`, or early when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = { now: () => Date.now(), sleep };
