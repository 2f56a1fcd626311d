/**
 * A fenced offset commit, in two steps (dynalite has no transactions, so nothing spans items):
 *
 * 1. check-and-renew: the lease is renewed on the condition that it is still ours (owner and epoch),
 *    and the connector is read (strongly consistent) to check incarnation and generation. Either
 *    failing means this invocation must not commit: WindowFenced / WindowSuperseded.
 * 2. the offsets are written, each conditional on no newer fence (generation, then lease epoch)
 *    being stored on its item.
 *
 * Between 1 and 2 another invocation could take over; step 2 then still rejects this one if the
 * newcomer already committed. What could slip through in that gap are offsets of records Kafka
 * has acknowledged, so no record is ever lost; at worst a partition's offset steps back and records
 * are sent again (at-least-once). A consistent read is as good as a no-op conditional write on the
 * connector item here, because neither is atomic with step 2, and it costs half as much.
 */
import { callTask } from './task-calls';
import { WindowFenced } from './errors';
import { assertCurrent } from './window-guards';
import { now, phase, retrying, type SourceWindow } from './window';

/** Commits the pending offsets (if any), then calls task.commit(). True when it committed, which
 *  also proved the connector and the lease current. */
export async function commitOffsets(w: SourceWindow): Promise<boolean> {
  const entries = w.offsets.pending();
  if (entries.length === 0) return false;
  await retrying(w, 'committing offsets', w.plan.finishBy, async () => {
    const { stores, settings } = w.deps;
    const at = now(w);
    const [lease, current] = await Promise.all([
      stores.leases.renew(w.lease, at, settings.leaseTtlMs),
      stores.configs.get(w.invocation.connector),
    ]);
    if (lease === undefined) throw new WindowFenced('lease-lost');
    w.lease = lease;
    w.lastRenewAt = at;
    assertCurrent(w, current);
    const fence = { incarnation: w.record.incarnation, generation: w.record.generation, epoch: lease.epoch };
    const rejected = await stores.offsets.putFenced(w.invocation.connector, entries, fence);
    if (rejected.length > 0) throw new WindowFenced('offsets-fenced');
    w.offsets.committed(entries);
    w.stats.commits += 1;
    w.lastCommitAt = at;
  });
  await phase(w, 'after-commit');
  await callTask(w, 'commit', async () => w.task?.commit?.());
  return true;
}

/** Due after every `offset.flush.interval.ms`, and whenever the task is idle. */
export function commitDue(w: SourceWindow): boolean {
  return w.idle || now(w) - w.lastCommitAt >= w.deps.settings.offsetFlushIntervalMs;
}
