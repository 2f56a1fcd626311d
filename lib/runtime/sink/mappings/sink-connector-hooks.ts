/**
 * The herder's hooks for sink connectors: reconcile the connector's event source mappings after
 * every change (and of every connector at the periodic tick), and move the mappings' consumer-group offsets on KIP-875 alter/reset.
 */
import type { ConnectorHooks } from '#lib/herder/connector-hooks';
import type { AdminPort } from '#lib/kafka/admin-port';
import { reconcileAllSinkMappings, type ReconcileSummary } from './reconcile-all-mappings';
import { reconcileSinkMappings, type ReconcileDeps } from './reconcile-mappings';
import { alterSinkGroupOffsets, resetSinkGroupOffsets } from './sink-offsets';

export interface SinkHooksDeps extends Omit<ReconcileDeps, 'listTopics'> {
  /** Absent without Kafka brokers: `topics.regex` resolves to nothing and group offsets are not moved. */
  admin?: AdminPort;
}

export interface SinkConnectorHooks extends ConnectorHooks {
  /** Reconciles one connector's mappings (also after its task failed, which disables them). */
  reconcile(name: string): Promise<void>;
  /** Reconciles every connector's mappings and deletes orphaned ones (the periodic tick). */
  reconcileAll(): Promise<ReconcileSummary>;
  /** Closes the admin client, if it was used. */
  close(): Promise<void>;
}

export function createSinkConnectorHooks(deps: SinkHooksDeps): SinkConnectorHooks {
  const { admin } = deps;
  const reconcileDeps: ReconcileDeps = { ...deps, listTopics: async () => (admin ? admin.listTopics() : []) };
  const reconcile = async (name: string): Promise<void> => void (await reconcileSinkMappings(reconcileDeps, name));
  return {
    reconcile,
    reconcileAll: () => reconcileAllSinkMappings(reconcileDeps),
    afterChange: reconcile,
    close: async () => admin?.close(),
    ...(admin
      ? {
          alterSinkOffsets: (record, entries) => alterSinkGroupOffsets(admin, record, entries),
          resetSinkOffsets: (record, stored) => resetSinkGroupOffsets(admin, record, stored),
        }
      : {}),
  };
}
