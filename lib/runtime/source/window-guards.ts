/**
 * What keeps a window honest between batches: the connector must still be the one it started with
 * (same incarnation and generation, STARTED, the task still exists), and the lease must still be
 * this invocation's. Either check failing ends the window (see end-window.ts).
 */
import type { ConnectorRecord } from '#lib/store/types';
import { WindowFenced, WindowSuperseded } from './errors';
import { now, retrying, type SourceWindow } from './window';

/** Throws WindowSuperseded unless `current` is still the connector the window runs. */
export function assertCurrent(w: SourceWindow, current: ConnectorRecord | undefined): void {
  if (current === undefined || current.incarnation !== w.record.incarnation) throw new WindowSuperseded(undefined);
  const moved = current.generation !== w.record.generation || current.targetState !== 'STARTED' || w.invocation.taskId >= current.taskConfigs.length;
  if (moved) throw new WindowSuperseded(current);
}

/** Extends the lease; WindowFenced('lease-lost') when another invocation took it over. */
export async function renewLease(w: SourceWindow): Promise<void> {
  const at = now(w);
  const renewed = await w.deps.stores.leases.renew(w.lease, at, w.deps.settings.leaseTtlMs);
  if (renewed === undefined) throw new WindowFenced('lease-lost');
  w.lease = renewed;
  w.lastRenewAt = at;
}

/** Renews once a third of the TTL has passed since the last renewal, so one slow batch cannot lose it. */
export async function renewLeaseIfDue(w: SourceWindow): Promise<void> {
  if (now(w) - w.lastRenewAt >= w.deps.settings.leaseTtlMs / 3) await renewLease(w);
}

/** The batch boundary: one strongly consistent read of the connector (pause, stop, config change and
 *  delete take effect here), and the lease kept alive. */
export async function checkBoundary(w: SourceWindow): Promise<void> {
  const current = await retrying(w, 'reading the connector', w.plan.pollUntil, () => w.deps.stores.configs.get(w.invocation.connector));
  assertCurrent(w, current);
  await renewLeaseIfDue(w);
}
