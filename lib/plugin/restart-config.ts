/**
 * Automatic recovery's connector keys (our extension, docs/restarts.md): declared once here, in their
 * own "Restarts" group, after every key Kafka defines, so that `/config/validate` reports bad values
 * like Kafka's own keys and creating a connector with one answers 400. The restart runtime
 * (lib/runtime/restart/recovery-policy.ts) reads the policy through this definition.
 */
import { ConfigDef } from './config-def';
import { CaseInsensitiveValidString, Range } from './validators';

export const RESTARTS_GROUP = 'Restarts';

export const RESTART_POLICY_CONFIG = 'restart.policy';
export const RESTART_MAX_ATTEMPTS_CONFIG = 'restart.max.attempts';
export const RESTART_BACKOFF_INITIAL_MS_CONFIG = 'restart.backoff.initial.ms';
export const RESTART_BACKOFF_MAX_MS_CONFIG = 'restart.backoff.max.ms';

export const RESTART_POLICY_DEFAULT = 'retriable';
export const RESTART_MAX_ATTEMPTS_DEFAULT = 10;
export const RESTART_BACKOFF_INITIAL_MS_DEFAULT = 1_000;
export const RESTART_BACKOFF_MAX_MS_DEFAULT = 300_000;

const RESTART_POLICY_DOC =
  'Whether failed tasks are restarted automatically (a lambda-connect extension; Kafka Connect never does). ' +
  "'retriable' restarts a task that failed with a retriable error (broker unreachable, throttling, a lost database connection) " +
  "after a backoff; 'none' leaves every failed task FAILED until a restart is requested, as Kafka Connect does.";
const RESTART_MAX_ATTEMPTS_DOC =
  'The number of automatic restarts of one task before it is left FAILED. Counting starts afresh after a requested restart, a config change, pause or resume.';
const RESTART_BACKOFF_INITIAL_MS_DOC = 'The wait in milliseconds before the first automatic restart of a failed task; it doubles with every further attempt.';
const RESTART_BACKOFF_MAX_MS_DOC =
  'The maximum wait in milliseconds before an automatic restart (at least the initial wait). Each wait is a random point in the upper half of its step, ' +
  'so tasks failing together do not restart together.';

/** The four keys alone; `withRestartKeys` appends them to a connector definition. */
export function restartConfigDef(): ConfigDef {
  return withRestartKeys(new ConfigDef());
}

export function withRestartKeys(def: ConfigDef): ConfigDef {
  const restarts = { group: RESTARTS_GROUP, importance: 'LOW', width: 'SHORT' } as const;
  return def
    .define({ ...restarts, name: RESTART_POLICY_CONFIG, type: 'STRING', defaultValue: RESTART_POLICY_DEFAULT, validator: CaseInsensitiveValidString.in('none', 'retriable'), documentation: RESTART_POLICY_DOC, orderInGroup: 1, displayName: 'Restart policy' })
    .define({ ...restarts, name: RESTART_MAX_ATTEMPTS_CONFIG, type: 'INT', defaultValue: RESTART_MAX_ATTEMPTS_DEFAULT, validator: Range.atLeast(0), documentation: RESTART_MAX_ATTEMPTS_DOC, orderInGroup: 2, displayName: 'Maximum automatic restarts' })
    .define({ ...restarts, name: RESTART_BACKOFF_INITIAL_MS_CONFIG, type: 'LONG', defaultValue: RESTART_BACKOFF_INITIAL_MS_DEFAULT, validator: Range.atLeast(0), documentation: RESTART_BACKOFF_INITIAL_MS_DOC, orderInGroup: 3, displayName: 'Initial restart backoff' })
    .define({ ...restarts, name: RESTART_BACKOFF_MAX_MS_CONFIG, type: 'LONG', defaultValue: RESTART_BACKOFF_MAX_MS_DEFAULT, validator: Range.atLeast(0), documentation: RESTART_BACKOFF_MAX_MS_DOC, orderInGroup: 4, displayName: 'Maximum restart backoff' });
}
