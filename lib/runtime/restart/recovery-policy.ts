/**
 * Automatic recovery's policy, per connector (our extension; docs/restarts.md, docs/compatibility.md):
 * which failed tasks are restarted without a request, how often, and how long to wait before each
 * attempt. Values that do not parse fall back to the defaults, so a typo never stops recovery code.
 */

export const RESTART_POLICY_CONFIG = 'restart.policy';
export const RESTART_MAX_ATTEMPTS_CONFIG = 'restart.max.attempts';
export const RESTART_BACKOFF_INITIAL_MS_CONFIG = 'restart.backoff.initial.ms';
export const RESTART_BACKOFF_MAX_MS_CONFIG = 'restart.backoff.max.ms';

export interface RecoveryPolicy {
  /** `retriable`: restart tasks that failed with a retriable error; `none`: never (Kafka's behaviour). */
  policy: 'none' | 'retriable';
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RECOVERY_POLICY: RecoveryPolicy = { policy: 'retriable', maxAttempts: 10, initialBackoffMs: 1_000, maxBackoffMs: 300_000 };

export function recoveryPolicy(config: Readonly<Record<string, string>>): RecoveryPolicy {
  const policy = config[RESTART_POLICY_CONFIG]?.trim().toLowerCase();
  const initialBackoffMs = integer(config[RESTART_BACKOFF_INITIAL_MS_CONFIG], DEFAULT_RECOVERY_POLICY.initialBackoffMs);
  return {
    policy: policy === 'none' ? 'none' : 'retriable',
    maxAttempts: integer(config[RESTART_MAX_ATTEMPTS_CONFIG], DEFAULT_RECOVERY_POLICY.maxAttempts),
    initialBackoffMs,
    maxBackoffMs: Math.max(initialBackoffMs, integer(config[RESTART_BACKOFF_MAX_MS_CONFIG], DEFAULT_RECOVERY_POLICY.maxBackoffMs)),
  };
}

/** Exponential backoff with jitter for attempt n (1-based): initial × 2^(n−1), capped at the maximum,
 *  then a random point in its upper half, so that tasks failing together do not restart together. */
export function recoveryBackoffMs(policy: RecoveryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

function integer(value: string | undefined, fallback: number): number {
  const parsed = Number(value?.trim() || Number.NaN);
  return Number.isSafeInteger(parsed) && parsed >= 0 ? parsed : fallback;
}
