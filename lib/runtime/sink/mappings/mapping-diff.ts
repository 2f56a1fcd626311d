/**
 * Desired versus actual event source mappings of one connector, as a plan of changes: the single
 * place that decides what reconciling does (the herder's per-connector reconcile and the periodic
 * reconcile of every connector both apply it). Pure: no I/O.
 *
 * A mapping is kept when its topic is wanted and its consumer group is the desired one (a group is
 * fixed at creation, so a different one means delete and create again); a second mapping of the
 * same topic is deleted. A kept mapping whose batch settings or enabled flag differ is updated.
 */
import type { DesiredSinkMapping, SinkMapping, SinkMappingChanges } from './mapping-port';

/** What an update changes, for the reconcile summary: the enabled flag wins over batch settings. */
export type UpdateKind = 'enabled' | 'disabled' | 'updated';

export interface MappingUpdate {
  readonly mapping: SinkMapping;
  readonly changes: SinkMappingChanges;
  readonly kind: UpdateKind;
}

export interface MappingPlan {
  readonly create: readonly DesiredSinkMapping[];
  readonly update: readonly MappingUpdate[];
  readonly delete: readonly SinkMapping[];
  /** Kept mappings that already match. */
  readonly unchanged: number;
}

export function diffMappings(desired: readonly DesiredSinkMapping[], actual: readonly SinkMapping[]): MappingPlan {
  const wanted = new Map(desired.map((d) => [d.topic, d]));
  const kept = new Set<string>();
  const update: MappingUpdate[] = [];
  const remove: SinkMapping[] = [];
  let unchanged = 0;
  for (const m of actual) {
    const d = wanted.get(m.topic);
    if (d === undefined || d.groupId !== m.groupId || d.alias !== m.alias || kept.has(m.topic)) {
      remove.push(m);
      continue;
    }
    kept.add(m.topic);
    if (!differs(m, d)) {
      unchanged += 1;
      continue;
    }
    const changes: SinkMappingChanges = { batchSize: d.batchSize, batchingWindowSeconds: d.batchingWindowSeconds, enabled: d.enabled };
    update.push({ mapping: m, changes, kind: m.enabled === d.enabled ? 'updated' : d.enabled ? 'enabled' : 'disabled' });
  }
  return { create: desired.filter((d) => !kept.has(d.topic)), update, delete: remove, unchanged };
}

function differs(m: SinkMapping, d: DesiredSinkMapping): boolean {
  return m.batchSize !== d.batchSize || m.batchingWindowSeconds !== d.batchingWindowSeconds || m.enabled !== d.enabled;
}
