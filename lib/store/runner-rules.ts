/**
 * The conditions of the task runners' writes as pure functions, used by the memory adapters. The
 * DynamoDB adapter expresses the same rules as ConditionExpressions; the contract suites keep them equal.
 */
import type { LeaseRequest, OffsetFence, State, StatusRecord, TaskLease } from '#lib/store/types';

/** A lease can be taken when there is none, it has expired, or the requester already owns it. */
export function leaseAvailable(stored: TaskLease | undefined, request: LeaseRequest): boolean {
  return stored === undefined || stored.expiresAt <= request.now || stored.owner === request.owner;
}

/** Renew and release need the exact lease the caller acquired: same owner, same epoch. */
export function leaseHeld(stored: TaskLease | undefined, lease: TaskLease): boolean {
  return stored !== undefined && stored.owner === lease.owner && stored.epoch === lease.epoch;
}

/** An offset write passes unless the stored fence is of the same incarnation and newer. */
export function fenceAllows(stored: OffsetFence | undefined, fence: OffsetFence): boolean {
  if (stored === undefined || stored.incarnation !== fence.incarnation) return true;
  return stored.generation < fence.generation || (stored.generation === fence.generation && stored.epoch <= fence.epoch);
}

/** A runner's status write passes unless the stored status is of the same incarnation and a newer
 *  generation, or of the same generation in one of the `keep` states. */
export function statusAllows(stored: StatusRecord | undefined, status: StatusRecord, keep: readonly State[] = []): boolean {
  if (stored === undefined || stored.incarnation !== status.incarnation) return true;
  return stored.generation < status.generation || (stored.generation === status.generation && !keep.includes(stored.state));
}
