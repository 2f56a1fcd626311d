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
import type { ConnectorRecord, GuardedStatusStore, StatusStore } from '#lib/store/types';
import { aliasFor } from '../mapping-names';
import { publishStartedSinkTasks } from '../sink-task-status';
import type { SinkMapping } from './mapping-port';
import { changedAny, reconcileConnector, type ReconcileDeps, type ReconcileResult } from './reconcile-mappings';

export interface ReconcileAndStartDeps extends ReconcileDeps {
  statuses: StatusStore & GuardedStatusStore;
  /** The sink-task function the mappings invoke; `<function>:<alias>` is the tasks' worker_id. */
  taskFunction?: string;
  clock?: { now(): number };
}

/** `overwriteRestarting`: true for the restart execution's ReEnableWork (its RESTARTING statuses
 *  end here), false after a herder change (a restart in flight keeps its RESTARTING statuses). */
export async function reconcileAndStart(deps: ReconcileAndStartDeps, name: string, options: { overwriteRestarting: boolean }): Promise<void> {
  const record = await deps.configs.get(name);
  const result = await reconcileRecordAndStart(deps, name, record, await deps.mappings.list(aliasFor(name)), options);
  if (changedAny(result)) deps.log.info(`Reconciled the event source mappings of ${name}`, { ...result });
}

/** The same over a record and mappings read by the caller (the periodic reconcile, which passes
 *  `onlyIfChanged`: a tick that changed nothing leaves the statuses as the last change left them). */
export async function reconcileRecordAndStart(
  deps: ReconcileAndStartDeps,
  name: string,
  record: ConnectorRecord | undefined,
  actual: readonly SinkMapping[],
  options: { overwriteRestarting: boolean; onlyIfChanged?: boolean },
): Promise<ReconcileResult> {
  const result = await reconcileConnector(deps, name, record, actual);
  if (record === undefined || result.skipped > 0 || !isSink(deps, record.config['connector.class'])) return result;
  if (options.onlyIfChanged && !changedAny(result)) return result;
  await publishStartedSinkTasks(deps, record, `${deps.taskFunction ?? 'sink-task'}:${aliasFor(name)}`, options);
  return result;
}

function isSink(deps: ReconcileDeps, connectorClass: string | undefined): boolean {
  try {
    return isSinkConnectorDescriptor(deps.registry.connector(connectorClass ?? ''));
  } catch {
    return false;
  }
}
