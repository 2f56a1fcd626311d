/**
 * The extra status fields of automatic recovery (rendered as extra JSON fields of a status; Kafka
 * clients ignore unknown fields): how many automatic restarts were made since the task last ran, and
 * when the next one is due.
 */
import type { RestartDocument } from './types';

export const RESTART_ATTEMPTS_FIELD = 'restart_attempts';
export const NEXT_RESTART_FIELD = 'next_restart_at';

/** The extra fields of a status written by an automatic restart; undefined for requested ones. */
export function attemptExtra(doc: Pick<RestartDocument, 'reason' | 'attempt'>): Record<string, unknown> | undefined {
  return doc.reason === 'automatic' && doc.attempt !== undefined ? { [RESTART_ATTEMPTS_FIELD]: doc.attempt } : undefined;
}
