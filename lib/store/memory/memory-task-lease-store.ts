/** TaskLeaseStore in a Map keyed by connector and task id, with the DynamoDB adapter's conditions. */
import { leaseAvailable, leaseHeld } from '#lib/store/runner-rules';
import { assertTaskId } from '#lib/store/task-id';
import type { TaskLease, TaskLeaseStore } from '#lib/store/types';

export function createMemoryTaskLeaseStore(): TaskLeaseStore {
  const leases = new Map<string, TaskLease>();
  const keyOf = (connector: string, taskId: number): string => {
    assertTaskId(taskId);
    return JSON.stringify([connector, taskId]);
  };

  function held(lease: TaskLease): TaskLease | undefined {
    const stored = leases.get(keyOf(lease.connector, lease.taskId));
    return leaseHeld(stored, lease) ? stored : undefined;
  }

  return {
    async acquire(request) {
      const key = keyOf(request.connector, request.taskId);
      const stored = leases.get(key);
      if (!leaseAvailable(stored, request)) return undefined;
      const lease: TaskLease = {
        connector: request.connector,
        taskId: request.taskId,
        owner: request.owner,
        epoch: (stored?.epoch ?? 0) + 1,
        generation: request.generation,
        expiresAt: request.now + request.ttlMs,
      };
      leases.set(key, lease);
      return { ...lease };
    },

    async renew(lease, now, ttlMs) {
      const stored = held(lease);
      if (stored === undefined) return undefined;
      stored.expiresAt = now + ttlMs;
      return { ...stored };
    },

    async release(lease) {
      const stored = held(lease);
      if (stored === undefined) return false;
      stored.expiresAt = 0;
      return true;
    },

    async get(connector, taskId) {
      const stored = leases.get(keyOf(connector, taskId));
      return stored === undefined ? undefined : { ...stored };
    },
  };
}
