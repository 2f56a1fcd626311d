/** The TaskLeaseStore contract: every adapter must pass it (see lib/store/types.ts). */
import { describe, expect, it } from 'vitest';
import type { LeaseRequest } from '#lib/store/types';
import { settle } from '#test/contracts/fixtures';
import type { RunnerStoresFactory } from '#test/contracts/runner-stores';

const NOW = 1_700_000_000_000;
const TTL = 30_000;

function request(owner: string, overrides: Partial<LeaseRequest> = {}): LeaseRequest {
  return { connector: 'orders', taskId: 0, owner, generation: 3, now: NOW, ttlMs: TTL, ...overrides };
}

export function describeTaskLeaseStoreContract(name: string, factory: RunnerStoresFactory): void {
  describe(`TaskLeaseStore contract: ${name}`, () => {
    it('grants a free lease with epoch 1 until now + ttl', async () => {
      const { leases } = await factory();
      const lease = await leases.acquire(request('inv-a'));
      expect(lease).toEqual({ connector: 'orders', taskId: 0, owner: 'inv-a', epoch: 1, generation: 3, expiresAt: NOW + TTL });
      expect(await leases.get('orders', 0)).toEqual(lease);
    });

    it('refuses a live lease to another owner', async () => {
      const { leases } = await factory();
      await leases.acquire(request('inv-a'));
      expect(await leases.acquire(request('inv-b', { now: NOW + TTL - 1 }))).toBeUndefined();
      expect((await leases.get('orders', 0))?.owner).toBe('inv-a');
    });

    it('hands an expired lease to another owner with a larger epoch', async () => {
      const { leases } = await factory();
      await leases.acquire(request('inv-a'));
      const taken = await leases.acquire(request('inv-b', { now: NOW + TTL, generation: 4 }));
      expect(taken).toMatchObject({ owner: 'inv-b', epoch: 2, generation: 4, expiresAt: NOW + 2 * TTL });
    });

    it('lets the owner acquire its live lease again, with a new epoch', async () => {
      const { leases } = await factory();
      await leases.acquire(request('inv-a'));
      expect(await leases.acquire(request('inv-a', { now: NOW + 5 }))).toMatchObject({ owner: 'inv-a', epoch: 2 });
    });

    it('keeps leases of different tasks and connectors apart', async () => {
      const { leases } = await factory();
      await leases.acquire(request('inv-a'));
      expect(await leases.acquire(request('inv-b', { taskId: 1 }))).toMatchObject({ epoch: 1 });
      expect(await leases.acquire(request('inv-c', { connector: 'orders-2' }))).toMatchObject({ epoch: 1 });
    });

    it('renews the lease of its holder', async () => {
      const { leases } = await factory();
      const lease = await leases.acquire(request('inv-a'));
      const renewed = lease && (await leases.renew(lease, NOW + 10_000, TTL));
      expect(renewed).toMatchObject({ owner: 'inv-a', epoch: 1, expiresAt: NOW + 10_000 + TTL });
    });

    it('renews an expired lease nobody took over', async () => {
      const { leases } = await factory();
      const lease = await leases.acquire(request('inv-a'));
      expect(lease && (await leases.renew(lease, NOW + 2 * TTL, TTL))).toMatchObject({ expiresAt: NOW + 3 * TTL });
    });

    it('refuses to renew a lease another owner took over', async () => {
      const { leases } = await factory();
      const stale = await leases.acquire(request('inv-a'));
      await leases.acquire(request('inv-b', { now: NOW + TTL }));
      expect(stale && (await leases.renew(stale, NOW + TTL + 1, TTL))).toBeUndefined();
      expect((await leases.get('orders', 0))?.owner).toBe('inv-b');
    });

    it('refuses to renew an earlier epoch of the same owner', async () => {
      const { leases } = await factory();
      const first = await leases.acquire(request('inv-a'));
      await leases.acquire(request('inv-a', { now: NOW + 1 }));
      expect(first && (await leases.renew(first, NOW + 2, TTL))).toBeUndefined();
    });

    it('releases the lease so the next owner gets it at once, with the next epoch', async () => {
      const { leases } = await factory();
      const lease = await leases.acquire(request('inv-a'));
      expect(lease && (await leases.release(lease))).toBe(true);
      expect(await leases.acquire(request('inv-b', { now: NOW + 1 }))).toMatchObject({ owner: 'inv-b', epoch: 2 });
    });

    it('does not let a superseded holder release the current lease', async () => {
      const { leases } = await factory();
      const stale = await leases.acquire(request('inv-a'));
      const current = await leases.acquire(request('inv-b', { now: NOW + TTL }));
      expect(stale && (await leases.release(stale))).toBe(false);
      expect(await leases.get('orders', 0)).toEqual(current);
    });

    it('knows no lease of a task that never had one', async () => {
      const { leases } = await factory();
      expect(await leases.get('orders', 7)).toBeUndefined();
      const ghost = { connector: 'orders', taskId: 7, owner: 'x', epoch: 1, generation: 1, expiresAt: NOW };
      expect(await leases.renew(ghost, NOW, TTL)).toBeUndefined();
      expect(await leases.release(ghost)).toBe(false);
    });

    it('grants a contested free lease to exactly one of 20 concurrent owners', async () => {
      const { leases } = await factory();
      const attempts = Array.from({ length: 20 }, (_, i) => leases.acquire(request(`inv-${i}`)));
      const { values, errors } = await settle(attempts);
      expect(errors).toEqual([]);
      const winners = values.filter((lease) => lease !== undefined);
      expect(winners).toHaveLength(1);
      expect(winners[0]?.epoch).toBe(1);
      expect((await leases.get('orders', 0))?.owner).toBe(winners[0]?.owner);
    });
  });
}
