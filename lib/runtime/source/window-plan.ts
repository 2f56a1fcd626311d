/**
 * When a window polls and when it must be done. Polling stops at `pollUntil`: `poll.window.ms` after
 * the start, but never later than the invocation's deadline minus the safety margin, which is the
 * time kept for the batch in flight, the last offset commit, task.stop() and releasing the lease.
 * Retries of that last batch and commit may run until `finishBy`: the safety margin after polling
 * stopped, and always short of the deadline. A window never outlives its plan by waiting on an
 * unreachable broker, even where the invocation could run much longer (standalone: 15 minutes).
 */
import type { Logger } from '#lib/logging/logger';

export const POLL_WINDOW_MS_CONFIG = 'poll.window.ms';
export const DEFAULT_POLL_WINDOW_MS = 60_000;
/** The poll interval many connectors (Confluent's JDBC source among them) declare. */
export const POLL_INTERVAL_MS_CONFIG = 'poll.interval.ms';
/** Kept free at the very end for releasing the lease and answering. */
export const CLOSE_RESERVE_MS = 1_000;

export interface WindowPlan {
  startedAt: number;
  pollUntil: number;
  finishBy: number;
  /** The connector's own poll interval, if it declares one: an idle task polls again after it. */
  pollIntervalMs?: number;
}

export function planWindow(config: Readonly<Record<string, string>>, startedAt: number, remainingTimeMs: number, safetyMarginMs: number, log: Logger): WindowPlan {
  const windowMs = milliseconds(config, POLL_WINDOW_MS_CONFIG, log) ?? DEFAULT_POLL_WINDOW_MS;
  const pollIntervalMs = milliseconds(config, POLL_INTERVAL_MS_CONFIG, log);
  const pollUntil = Math.min(startedAt + windowMs, startedAt + remainingTimeMs - safetyMarginMs);
  return {
    startedAt,
    pollUntil,
    finishBy: Math.min(pollUntil + safetyMarginMs, startedAt + remainingTimeMs - CLOSE_RESERVE_MS),
    ...(pollIntervalMs === undefined ? {} : { pollIntervalMs }),
  };
}

/** A non-negative integer setting; an unusable value is logged and ignored (the key is not part of any ConfigDef). */
function milliseconds(config: Readonly<Record<string, string>>, key: string, log: Logger): number | undefined {
  const text = config[key]?.trim();
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (Number.isSafeInteger(value) && value >= 0) return value;
  log.warn(`Ignoring ${key}=${text}: not a non-negative number of milliseconds`);
  return undefined;
}
