/**
 * Kafka's retry backoff (RetryWithToleranceOperator.backoff): 300 ms doubled per retry; once that
 * passes `errors.retry.delay.max.ms`, a random delay below the maximum (jitter); never past the
 * retry deadline.
 */
export const RETRIES_DELAY_MIN_MS = 300;

/**
 * @param attempt the attempt that just failed, from 1
 * @param random a number in [0, 1)
 */
export function backoffDelay(attempt: number, maxDelayMs: number, now: number, deadline: number, random: () => number): number {
  let delay = RETRIES_DELAY_MIN_MS * 2 ** (attempt - 1);
  if (delay > maxDelayMs) delay = Math.floor(random() * Math.max(0, maxDelayMs));
  return delay + now > deadline ? Math.max(0, deadline - now) : delay;
}

/** setTimeout as a promise that settles early when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
