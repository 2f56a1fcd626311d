/**
 * Optional hooks the herder calls around connector changes, for resources derived from a connector
 * that live outside the stores (a sink connector's event source mappings). Without hooks the herder
 * behaves exactly as before.
 */
import type { OffsetEntry } from '#lib/store/types';
import type { ConnectorRecord } from '#lib/store/types';

export interface ConnectorHooks {
  /**
   * After a change of a connector's existence, config, target state or tasks (create, config writes,
   * pause, resume, stop, restart, delete). Must be idempotent. Its failure is logged, not returned:
   * the change is stored, and the next reconcile heals what the hook could not do.
   */
  afterChange?(name: string): Promise<void>;
  /**
   * KIP-875 for a STOPPED sink connector whose offsets live in its consumer group(s): move them
   * (`offset` null: reset to the earliest offset). Runs before the stored offsets change; throwing
   * fails the request.
   */
  alterSinkOffsets?(record: ConnectorRecord, entries: Array<{ partition: Record<string, unknown>; offset: Record<string, unknown> | null }>): Promise<void>;
  /** KIP-875 reset of a STOPPED sink connector: its groups back to the earliest offsets. */
  resetSinkOffsets?(record: ConnectorRecord, stored: OffsetEntry[]): Promise<void>;
}
