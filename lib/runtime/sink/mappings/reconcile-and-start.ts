/**
 * One connector's reconcile as the herder and the restart execution run it: the event source
 * mappings made to match the stored record, then — once they match a STARTED sink connector — its
 * tasks RUNNING (`publishStartedSinkTasks`): in Kafka a sink task is RUNNING once started, whether
 * records arrive or not, and here enabling its mappings is what starts it.
 *
 * The record is read once, before the mappings: every mapping change is applied only while the
 * record is still that version, so no skipped change means the mappings match this record. A
 * skipped change leaves the statuses alone (the writer of the newer version reconciles again).
 */
import { isSinkConnectorDescriptor } from '#lib/plugin/task-types';
import type { GuardedStatusStore, StatusStore } from '#lib/store/types';
import { aliasFor } from '../mapping-names';
import { publishStartedSinkTasks } from '../sink-task-status';
import { changedAny, reconcileConnector, type ReconcileDeps } from './reconcile-mappings';

export interface ReconcileAndStartDeps extends ReconcileDeps {
  statuses: StatusStore & GuardedStatusStore;
  /** The sink-task function the mappings invoke; `<function>:<alias>` is the tasks' worker_id. */
  taskFunction?: string;
  clock?: { now(): number };
}

/** `overwriteRestarting`: true for the restart execution's ReEnableWork (its RESTARTING statuses
 *  end here), false after a herder change (a restart in flight keeps its RESTARTING statuses). */
export async function reconcileAndStart(deps: ReconcileAndStartDeps, name: string, options: { overwriteRestarting: boolean }): Promise<void> {
  const alias = aliasFor(name);
  const record = await deps.configs.get(name);
  const result = await reconcileConnector(deps, name, record, await deps.mappings.list(alias));
  if (changedAny(result)) deps.log.info(`Reconciled the event source mappings of ${name}`, { ...result });
  if (record === undefined || result.skipped > 0 || !isSink(deps, record.config['connector.class'])) return;
  await publishStartedSinkTasks(deps, record, `${deps.taskFunction ?? 'sink-task'}:${alias}`, options);
}

function isSink(deps: ReconcileDeps, connectorClass: string | undefined): boolean {
  try {
    return isSinkConnectorDescriptor(deps.registry.connector(connectorClass ?? ''));
  } catch {
    return false;
  }
}
