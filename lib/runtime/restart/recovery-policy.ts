/**
 * Automatic recovery's policy, per connector (our extension; docs/restarts.md, docs/compatibility.md):
 * which failed tasks are restarted without a request, how often, and how long to wait before each
 * attempt. The keys, defaults and validators are the connector ConfigDef's (lib/plugin/restart-config.ts),
 * which rejects bad values when a connector is created or updated; a stored value that still does
 * not parse (a config from before the keys were validated) falls back to its default, so recovery
 * never stops on it.
 */
import { ConfigException } from '#lib/plugin/config-exception';
import type { ConfigDef } from '#lib/plugin/config-def';
import {
  RESTART_BACKOFF_INITIAL_MS_CONFIG,
  RESTART_BACKOFF_MAX_MS_CONFIG,
  RESTART_MAX_ATTEMPTS_CONFIG,
  RESTART_POLICY_CONFIG,
  restartConfigDef,
} from '#lib/plugin/restart-config';

export { RESTART_BACKOFF_INITIAL_MS_CONFIG, RESTART_BACKOFF_MAX_MS_CONFIG, RESTART_MAX_ATTEMPTS_CONFIG, RESTART_POLICY_CONFIG };

export interface RecoveryPolicy {
  /** `retriable`: restart tasks that failed with a retriable error; `none`: never (Kafka's behaviour). */
  policy: 'none' | 'retriable';
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

let definition: ConfigDef | undefined;

export const DEFAULT_RECOVERY_POLICY: RecoveryPolicy = recoveryPolicy({});

export function recoveryPolicy(config: Readonly<Record<string, string>>): RecoveryPolicy {
  definition ??= restartConfigDef();
  const def = definition;
  const value = (name: string): unknown => {
    try {
      return def.parse({ [name]: config[name] })[name];
    } catch (error) {
      if (!(error instanceof ConfigException)) throw error;
      return def.parse({})[name];
    }
  };
  const initialBackoffMs = Number(value(RESTART_BACKOFF_INITIAL_MS_CONFIG));
  return {
    policy: String(value(RESTART_POLICY_CONFIG)).toLowerCase() === 'none' ? 'none' : 'retriable',
    maxAttempts: Number(value(RESTART_MAX_ATTEMPTS_CONFIG)),
    initialBackoffMs,
    maxBackoffMs: Math.max(initialBackoffMs, Number(value(RESTART_BACKOFF_MAX_MS_CONFIG))),
  };
}

/** Exponential backoff with jitter for attempt n (1-based): initial × 2^(n−1), capped at the maximum,
 *  then a random point in its upper half, so that tasks failing together do not restart together. */
export function recoveryBackoffMs(policy: RecoveryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
