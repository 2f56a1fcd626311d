/**
 * The periodic reconcile (the dispatcher's tick on AWS, the scheduler's tick in standalone mode):
 * brings the event source mappings of every sink connector in line with the config store, and
 * deletes the mappings of aliases no connector owns any more (a connector deleted while one of its
 * mappings was being created, a REST hook that failed half-way). Heals what the herder's hooks
 * cannot: a mapping deleted by hand, a throttled Lambda API call, a new topic matching a
 * `topics.regex`. Each connector is reconciled by `reconcileConnector` (same rules, same guards);
 * one connector's failure is logged and does not stop the others.
 *
 * The actual mappings are listed before the connectors: a mapping listed was created after its
 * connector was stored, so a live connector's mapping is never taken for an orphan.
 */
import type { ConnectorRecord } from '#lib/store/types';
import { aliasFor } from '../mapping-names';
import type { SinkMapping } from './mapping-port';
import { busyIsSkipped, changedAny, emptyResult, reconcileConnector, type ReconcileDeps, type ReconcileResult } from './reconcile-mappings';

export interface ReconcileSummary extends ReconcileResult {
  connectors: number;
  /** Connectors (or orphaned aliases) whose reconcile failed; tried again at the next tick. */
  failed: number;
}

/** Reconciles one connector's mappings against its record as listed (default: `reconcileConnector`). */
export type ReconcileOne = (name: string, record: ConnectorRecord, actual: readonly SinkMapping[]) => Promise<ReconcileResult>;

export async function reconcileAllSinkMappings(deps: ReconcileDeps, reconcileOne: ReconcileOne = (name, record, actual) => reconcileConnector(deps, name, record, actual)): Promise<ReconcileSummary> {
  const listing = await deps.mappings.listAll();
  const byAlias = groupByAlias(listing.mappings);
  const records = await deps.configs.list();
  const summary: ReconcileSummary = { ...emptyResult(), connectors: records.length, failed: 0 };
  if (!listing.complete) deps.log.warn('The event source mappings were listed up to the page limit: connectors are listed one by one, orphans beyond the limit wait');
  for (const record of records) {
    const alias = aliasFor(record.name);
    try {
      const actual = listing.complete ? (byAlias.get(alias) ?? []) : await deps.mappings.list(alias);
      add(summary, await reconcileOne(record.name, record, actual));
    } catch (error) {
      summary.failed += 1;
      deps.log.error(`Reconciling the event source mappings of ${record.name} failed; trying again at the next tick`, { error });
    }
    byAlias.delete(alias);
  }
  if (byAlias.size > 0) await deleteOrphans(deps, byAlias, summary);
  const line = `created=${summary.created} updated=${summary.updated} enabled=${summary.enabled} disabled=${summary.disabled} deleted=${summary.deleted} unchanged=${summary.unchanged} skipped=${summary.skipped} failed=${summary.failed}`;
  const level = changedAny(summary) || summary.failed > 0 ? 'info' : 'debug';
  deps.log[level](`Reconciled the event source mappings of ${summary.connectors} connectors: ${line}`, { ...summary });
  return summary;
}

/** Mappings of aliases no listed connector owns: deleted, with the alias, unless a connector of that
 *  alias was created meanwhile (its own reconcile then owns them). */
async function deleteOrphans(deps: ReconcileDeps, orphans: Map<string, SinkMapping[]>, summary: ReconcileSummary): Promise<void> {
  const live = new Set((await deps.configs.list()).map((r) => aliasFor(r.name)));
  for (const [alias, mappings] of orphans) {
    if (live.has(alias)) {
      summary.skipped += mappings.length;
      continue;
    }
    try {
      const skippedBefore = summary.skipped;
      for (const m of mappings) if (await busyIsSkipped(summary, () => deps.mappings.delete(m.uuid))) summary.deleted += 1;
      if (summary.skipped === skippedBefore) await busyIsSkipped(summary, () => deps.mappings.deleteAlias(alias));
      deps.log.info(`Deleted the event source mappings of ${alias}, whose connector no longer exists`, { mappings: mappings.map((m) => m.uuid), topics: mappings.map((m) => m.topic) });
    } catch (error) {
      summary.failed += 1;
      deps.log.error(`Deleting the orphaned event source mappings of ${alias} failed; trying again at the next tick`, { error });
    }
  }
}

function groupByAlias(mappings: readonly SinkMapping[]): Map<string, SinkMapping[]> {
  const out = new Map<string, SinkMapping[]>();
  for (const m of mappings) out.set(m.alias, [...(out.get(m.alias) ?? []), m]);
  return out;
}

function add(total: ReconcileResult, one: ReconcileResult): void {
  for (const key of Object.keys(one) as Array<keyof ReconcileResult>) total[key] += one[key];
}
