/**
 * Brings a connector's event source mappings in line with its stored record, idempotently: the
 * record is the desired state, the mappings the actual one, so a retry, a lost race or the
 * periodic reconcile (`reconcile-all-mappings.ts`) heals any drift. A deleted (or non-sink)
 * connector loses its mappings and its alias; a topic leaving the set, or a mapping whose group id
 * differs, is deleted (and recreated). What to change is decided by `diffMappings` alone.
 *
 * Safe against concurrent REST changes: before each mutation the connector is read again, and the
 * change is skipped when the record's version moved on, the connector appeared or vanished, or the
 * mapping's desired state is no longer what was planned (the writer of the newer version reconciles
 * it, and so does the next periodic reconcile). A mapping Lambda reports as busy (being created or
 * updated) is skipped likewise.
 */
import type { Logger } from '#lib/logging/logger';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { isSinkConnectorDescriptor } from '#lib/plugin/task-types';
import type { ConfigStore, ConnectorRecord, StatusStore } from '#lib/store/types';
import { aliasFor } from '../mapping-names';
import { desiredMappings } from './desired-mappings';
import { diffMappings, type MappingPlan } from './mapping-diff';
import { MappingBusyError } from './errors';
import type { DesiredSinkMapping, SinkMapping, SinkMappingChanges, SinkMappingPort } from './mapping-port';

export interface ReconcileDeps {
  mappings: SinkMappingPort;
  configs: ConfigStore;
  statuses: StatusStore;
  registry: PluginRegistry;
  /** The cluster's topics, for `topics.regex`. */
  listTopics: () => Promise<string[]>;
  log: Logger;
  /**
   * Before a topic's mapping is created again under another consumer group (a connector going from
   * one topic to several: `connect-<name>` → `connect-<name>.<topic>`), commits the connector's
   * progress on that topic to the new group, so the new mapping resumes there instead of at
   * TRIM_HORIZON. Absent without Kafka brokers.
   */
  carryOffsets?: (connector: string, topic: string, toGroup: string) => Promise<void>;
}

export interface ReconcileResult {
  created: number;
  /** Batch size or window changed (the enabled flag unchanged). */
  updated: number;
  enabled: number;
  disabled: number;
  deleted: number;
  unchanged: number;
  /** Changes left to the next reconcile: the connector changed meanwhile, or the mapping was busy. */
  skipped: number;
}

export const emptyResult = (): ReconcileResult => ({ created: 0, updated: 0, enabled: 0, disabled: 0, deleted: 0, unchanged: 0, skipped: 0 });

/** Reconciles `actual` (the mappings of the connector's alias) against `record` as read before. */
export async function reconcileConnector(deps: ReconcileDeps, connector: string, record: ConnectorRecord | undefined, actual: readonly SinkMapping[]): Promise<ReconcileResult> {
  const alias = aliasFor(connector);
  const result = emptyResult();
  const topics = onceOnly(deps.listTopics);
  const plan = diffMappings(await desiredOf(deps, record, topics), actual);
  result.unchanged = plan.unchanged;
  // Is the change still in the plan? The record read again (its version and incarnation must be the
  // same) and the task statuses read again (a FAILED task disables), over the same actual mappings.
  const stillPlanned = async (inPlan: (fresh: MappingPlan) => boolean): Promise<boolean> => {
    const fresh = await deps.configs.get(connector);
    if (fresh?.version !== record?.version || fresh?.incarnation !== record?.incarnation) return false;
    return inPlan(diffMappings(await desiredOf(deps, fresh, topics), actual));
  };
  const attempt = async (topic: string, inPlan: (fresh: MappingPlan) => boolean, change: () => Promise<unknown>, counted: keyof ReconcileResult): Promise<void> => {
    if (!(await stillPlanned(inPlan))) {
      result.skipped += 1;
      return;
    }
    try {
      await change();
      result[counted] += 1;
    } catch (error) {
      if (!(error instanceof MappingBusyError)) throw error;
      deps.log.info(`An event source mapping of ${connector} is busy; trying again at the next reconcile`, { topic, error: error.message });
      result.skipped += 1;
    }
  };
  for (const m of plan.delete) await attempt(m.topic, (p) => p.delete.some((x) => x.uuid === m.uuid), () => deps.mappings.delete(m.uuid), 'deleted');
  for (const u of plan.update) {
    const same = (p: MappingPlan) => p.update.some((x) => x.mapping.uuid === u.mapping.uuid && sameChanges(x.changes, u.changes));
    await attempt(u.mapping.topic, same, () => deps.mappings.update(u.mapping.uuid, u.changes), u.kind);
  }
  if (plan.create.length > 0) await deps.mappings.ensureAlias(alias);
  // Topics whose mapping is re-created under another group: their progress moves to the new group first.
  const regrouped = new Set(plan.delete.filter((m) => plan.create.some((d) => d.topic === m.topic && d.groupId !== m.groupId)).map((m) => m.topic));
  for (const d of plan.create) {
    const create = async (): Promise<void> => {
      if (regrouped.has(d.topic)) await deps.carryOffsets?.(connector, d.topic, d.groupId);
      await deps.mappings.create(d);
    };
    await attempt(d.topic, (p) => p.create.some((x) => sameDesired(x, d)), create, 'created');
  }
  if (record === undefined && result.skipped === 0) await busyIsSkipped(result, () => deps.mappings.deleteAlias(alias));
  return result;
}

/** Runs `change`; a MappingBusyError (Lambda still deleting the alias's mappings, say) counts as skipped. */
export async function busyIsSkipped(result: ReconcileResult, change: () => Promise<unknown>): Promise<boolean> {
  try {
    await change();
    return true;
  } catch (error) {
    if (!(error instanceof MappingBusyError)) throw error;
    result.skipped += 1;
    return false;
  }
}

export function changedAny(r: ReconcileResult): boolean {
  return r.created + r.updated + r.enabled + r.disabled + r.deleted > 0;
}

async function desiredOf(deps: ReconcileDeps, record: ConnectorRecord | undefined, topics: () => Promise<string[]>): Promise<DesiredSinkMapping[]> {
  if (record === undefined || !isSink(deps.registry, record.config['connector.class'])) return [];
  const needsTopics = !record.config.topics?.trim() && Boolean(record.config['topics.regex']);
  return desiredMappings(record, (await deps.statuses.get(record.name)).tasks, needsTopics ? await topics() : []);
}

/** The cluster's topics read at most once (per reconcile of a connector, or per tick). */
export function onceOnly(list: () => Promise<string[]>): () => Promise<string[]> {
  let topics: Promise<string[]> | undefined;
  return () => (topics ??= list());
}

function sameDesired(a: DesiredSinkMapping, b: DesiredSinkMapping): boolean {
  return a.topic === b.topic && a.alias === b.alias && a.groupId === b.groupId && sameChanges(a, b);
}

function sameChanges(a: SinkMappingChanges, b: SinkMappingChanges): boolean {
  return a.batchSize === b.batchSize && a.batchingWindowSeconds === b.batchingWindowSeconds && a.enabled === b.enabled;
}

function isSink(registry: PluginRegistry, connectorClass: string | undefined): boolean {
  try {
    return isSinkConnectorDescriptor(registry.connector(connectorClass ?? ''));
  } catch {
    return false;
  }
}
