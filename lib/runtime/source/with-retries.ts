/**
 * Retries a step that failed with a retriable error (RetriableError, an unreachable store, a
 * retriable producer error) with Kafka's backoff — 300 ms doubling, at most MAX_BACKOFF_MS —
 * until `deadline`; then gives up with RetriesExhausted. Anything not retriable is thrown at once.
 */
import { backoffDelay } from '#lib/runtime/errors/backoff';
import { isRetriable } from '#lib/runtime/errors/errors';
import type { Logger } from '#lib/logging/logger';
import type { Clock } from './clock';
import { RetriesExhausted } from './errors';

export const MAX_BACKOFF_MS = 10_000;

export interface RetryOptions {
  action: string;
  deadline: number;
  clock: Clock;
  random: () => number;
  log: Logger;
  signal?: AbortSignal;
  /** Runs before each new attempt (e.g. keeping the lease alive); may throw to stop retrying. */
  beforeRetry?: () => Promise<void>;
}

export async function withRetries<T>(step: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (!isRetriable(error)) throw error;
      const now = options.clock.now();
      const delay = backoffDelay(attempt, MAX_BACKOFF_MS, now, options.deadline, options.random);
      if (delay <= 0 || options.signal?.aborted === true) throw new RetriesExhausted(options.action, error);
      options.log.warn(`Retrying ${options.action} in ${delay} ms after a retriable error`, { attempt, error });
      await options.clock.sleep(delay, options.signal);
      await options.beforeRetry?.();
    }
  }
}
