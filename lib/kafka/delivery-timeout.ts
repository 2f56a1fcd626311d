/**
 * Kafka bounds a record's delivery by time (`delivery.timeout.ms`, default 120 s; `retries` is left
 * at MAX_INT), kafkajs by a number of retries. Without a bound an idempotent kafkajs producer
 * retries an unreachable broker for ever, long after the caller gave up on the send. This is the
 * number of retries whose backoff fits into the delivery timeout, with kafkajs's schedule
 * (initialRetryTime doubling up to maxRetryTime, each ±20 %) at its shortest, so the retries end
 * close after the delivery timeout (plus the time the attempts themselves take).
 */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;
/** kafkajs's own defaults for initialRetryTime and maxRetryTime. */
export const KAFKAJS_INITIAL_RETRY_MS = 300;
export const KAFKAJS_MAX_RETRY_MS = 30_000;
const SHORTEST = 0.8;

export function retriesWithin(deliveryTimeoutMs: number, initialRetryMs = KAFKAJS_INITIAL_RETRY_MS, maxRetryMs = KAFKAJS_MAX_RETRY_MS): number {
  let retries = 0;
  let waited = 0;
  for (let delay = Math.max(1, initialRetryMs); ; delay *= 2) {
    waited += Math.min(delay, Math.max(1, maxRetryMs)) * SHORTEST;
    if (waited > deliveryTimeoutMs) return Math.max(1, retries);
    retries += 1;
  }
}
