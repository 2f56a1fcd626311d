/**
 * Brings a connector's event source mappings in line with its stored record, idempotently: the
 * record is the desired state, the mappings the actual one, so a retry, a lost race or the
 * periodic reconcile heals any drift. A deleted (or non-sink) connector loses its mappings and its
 * alias; a topic leaving the set, or a mapping whose group id differs, is deleted (and recreated).
 */
import type { Logger } from '#lib/logging/logger';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { isSinkConnectorDescriptor } from '#lib/plugin/task-types';
import type { ConfigStore, StatusStore } from '#lib/store/types';
import { aliasFor } from '../mapping-names';
import { desiredMappings } from './desired-mappings';
import type { DesiredSinkMapping, SinkMapping, SinkMappingPort } from './mapping-port';

export interface ReconcileDeps {
  mappings: SinkMappingPort;
  configs: ConfigStore;
  statuses: StatusStore;
  registry: PluginRegistry;
  /** The cluster's topics, for `topics.regex`. */
  listTopics: () => Promise<string[]>;
  log: Logger;
}

export interface ReconcileResult {
  created: number;
  updated: number;
  deleted: number;
}

export async function reconcileSinkMappings(deps: ReconcileDeps, connector: string): Promise<ReconcileResult> {
  const alias = aliasFor(connector);
  const record = await deps.configs.get(connector);
  const result: ReconcileResult = { created: 0, updated: 0, deleted: 0 };
  const actual = await deps.mappings.list(alias);
  if (record === undefined || !isSink(deps.registry, record.config['connector.class'])) {
    for (const m of actual) await deleteMapping(deps, m, result);
    if (record === undefined) await deps.mappings.deleteAlias(alias);
    return result;
  }
  const needsTopics = !record.config.topics?.trim() && Boolean(record.config['topics.regex']);
  const desired = desiredMappings(record, (await deps.statuses.get(connector)).tasks, needsTopics ? await deps.listTopics() : []);
  const wanted = new Map(desired.map((d) => [d.topic, d]));
  const kept = new Set<string>();
  for (const m of actual) {
    const d = wanted.get(m.topic);
    if (d === undefined || d.groupId !== m.groupId || kept.has(m.topic)) {
      await deleteMapping(deps, m, result);
      continue;
    }
    kept.add(m.topic);
    if (differs(m, d)) {
      await deps.mappings.update(m.uuid, { batchSize: d.batchSize, batchingWindowSeconds: d.batchingWindowSeconds, enabled: d.enabled });
      result.updated += 1;
    }
  }
  const missing = desired.filter((d) => !kept.has(d.topic));
  if (missing.length > 0) await deps.mappings.ensureAlias(alias);
  for (const d of missing) {
    await deps.mappings.create(d);
    result.created += 1;
  }
  if (result.created + result.updated + result.deleted > 0) deps.log.info(`Reconciled the event source mappings of ${connector}`, { ...result });
  return result;
}

async function deleteMapping(deps: ReconcileDeps, m: SinkMapping, result: ReconcileResult): Promise<void> {
  await deps.mappings.delete(m.uuid);
  result.deleted += 1;
}

function differs(m: SinkMapping, d: DesiredSinkMapping): boolean {
  return m.batchSize !== d.batchSize || m.batchingWindowSeconds !== d.batchingWindowSeconds || m.enabled !== d.enabled;
}

function isSink(registry: PluginRegistry, connectorClass: string | undefined): boolean {
  try {
    return isSinkConnectorDescriptor(registry.connector(connectorClass ?? ''));
  } catch {
    return false;
  }
}
