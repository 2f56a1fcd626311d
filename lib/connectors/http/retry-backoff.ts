/**
 * The wait before retry `attempt` (1 = the first retry): `retry.backoff.ms` doubled per attempt,
 * with equal jitter (between half and all of it), at most 30 s, and never less than a Retry-After
 * the server sent (itself capped at 30 s, so one request cannot hold a put for longer).
 */
export const MAX_BACKOFF_MS = 30_000;

export function retryDelayMs(attempt: number, backoffMs: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  const exponential = Math.min(backoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_BACKOFF_MS)));
}
