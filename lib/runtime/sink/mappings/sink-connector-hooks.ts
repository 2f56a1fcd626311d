/**
 * The herder's hooks for sink connectors: reconcile the connector's event source mappings after
 * every change (and of every connector at the periodic tick), and move the mappings' consumer-group offsets on KIP-875 alter/reset.
 */
import type { ConnectorHooks } from '#lib/herder/connector-hooks';
import type { AdminPort } from '#lib/kafka/admin-port';
import { reconcileAllSinkMappings, type ReconcileSummary } from './reconcile-all-mappings';
import { emptyResult, onceOnly, type ReconcileDeps } from './reconcile-mappings';
import { alterSinkGroupOffsets, carrySinkOffsets, resetSinkGroupOffsets } from './sink-offsets';
import { reconcileAndStart, reconcileRecordAndStart, type ReconcileAndStartDeps } from './reconcile-and-start';
import type { GuardedStatusStore, OffsetStore, StatusStore } from '#lib/store/types';

export interface SinkHooksDeps extends Omit<ReconcileDeps, 'listTopics' | 'carryOffsets'> {
  /** Absent without Kafka brokers: `topics.regex` resolves to nothing and group offsets are not moved. */
  admin?: AdminPort;
  /** The sink offsets the runtime records after each flush: where a re-grouped topic resumes. */
  offsets?: Pick<OffsetStore, 'list'>;
  statuses: StatusStore & GuardedStatusStore;
  /** The sink-task function the mappings invoke (`<function>:<alias>` is the sink tasks' worker_id). */
  taskFunction?: string;
}

export interface SinkConnectorHooks extends ConnectorHooks {
  /** Reconciles one connector's mappings (also after its task failed, which disables them); the
   *  restart's ReEnableWork calls it, so its RESTARTING tasks are RUNNING once the mappings are enabled. */
  reconcile(name: string): Promise<void>;
  /** Reconciles every connector's mappings and deletes orphaned ones (the periodic tick). */
  reconcileAll(): Promise<ReconcileSummary>;
  /** Closes the admin client, if it was used. */
  close(): Promise<void>;
}

export function createSinkConnectorHooks(deps: SinkHooksDeps): SinkConnectorHooks {
  const { admin } = deps;
  const { offsets } = deps;
  const reconcileDeps: ReconcileAndStartDeps = {
    ...deps,
    listTopics: async () => (admin ? admin.listTopics() : []),
    ...(admin && offsets ? { carryOffsets: (connector: string, topic: string, group: string) => carrySinkOffsets(admin, offsets, connector, topic, group) } : {}),
  };
  const reconcile = (name: string): Promise<void> => reconcileAndStart(reconcileDeps, name, { overwriteRestarting: true });
  let closed = false;
  return {
    reconcile,
    // A tick that fires while the process shuts down must not reopen the admin client.
    // Tasks RUNNING when the tick enabled their mappings; a restart in flight keeps its RESTARTING.
    reconcileAll: async () => {
      if (closed) return { ...emptyResult(), connectors: 0, failed: 0 };
      // One topic listing per tick, whatever the number of topics.regex connectors.
      const tick: ReconcileAndStartDeps = { ...reconcileDeps, listTopics: onceOnly(reconcileDeps.listTopics) };
      return reconcileAllSinkMappings(tick, (name, record, actual) => reconcileRecordAndStart(tick, name, record, actual, { overwriteRestarting: false, onlyIfChanged: true }));
    },
    // A restart in flight keeps its RESTARTING statuses until its ReEnableWork step.
    afterChange: (name) => reconcileAndStart(reconcileDeps, name, { overwriteRestarting: false }),
    close: async () => {
      closed = true;
      await admin?.close();
    },
    ...(admin
      ? {
          alterSinkOffsets: (record, entries) => alterSinkGroupOffsets(admin, record, entries),
          resetSinkOffsets: (record, stored) => resetSinkGroupOffsets(admin, record, stored),
        }
      : {}),
  };
}
