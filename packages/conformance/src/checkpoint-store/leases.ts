import { describe, expect, it } from 'vitest';
import type { LeaseUnderTest as Lease } from '../checkpoint-kit/checkpoint-contract.js';
import { type AnyCheckpointStore, LONG_LEASE_MS, leaseFor } from '../checkpoint-kit/checkpoint-kit.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function leaseTests({ store, newId }: SuiteContext<AnyCheckpointStore>): void {
  describe('leases: one holder at a time', () => {
    it('gives a free projection to the first holder, with a fencing token and a time it ends, and refuses the next', async () => {
      const projection = newId('lease');
      const before = Date.now();
      const lease = await leaseFor(store(), projection, 'first');
      expect(lease).toMatchObject({ projection, holder: 'first' });
      expect(Number.isSafeInteger(lease.fencingToken)).toBe(true);
      expect(lease.fencingToken).toBeGreaterThan(0);
      expect(lease.expiresAt).toBeInstanceOf(Date);
      // The store judges by its own clock; a minute's lease ends well after the start of the test.
      expect(lease.expiresAt.getTime()).toBeGreaterThan(before + LONG_LEASE_MS / 2);
      expect(await store().acquire(projection, 'second', LONG_LEASE_MS)).toBeUndefined();
    });

    it('lets exactly one of several holders that ask at once have the lease', async () => {
      const projection = newId('lease-race');
      const holders = Array.from({ length: 8 }, (_, index) => `holder-${index}`);
      const leases = await Promise.all(
        holders.map((holder) => store().acquire(projection, holder, LONG_LEASE_MS)),
      );
      const winners = leases.filter((lease): lease is Lease => lease !== undefined);
      expect(winners).toHaveLength(1);
      // The winner can commit; nobody else can take the lease now.
      const winner = winners[0] as Lease;
      await store().commit(winner, { from: 0, to: 1 }, async () => undefined);
      expect(await store().acquire(projection, 'late', LONG_LEASE_MS)).toBeUndefined();
    });

    it('renews a lease it still holds, with the same fencing token and a later end', async () => {
      const projection = newId('renew');
      const lease = await leaseFor(store(), projection, 'worker', LONG_LEASE_MS);
      const renewed = await store().renew(lease, 2 * LONG_LEASE_MS);
      expect(renewed).toMatchObject({ projection, holder: 'worker', fencingToken: lease.fencingToken });
      expect(renewed?.expiresAt.getTime()).toBeGreaterThan(lease.expiresAt.getTime());
      await store().commit(renewed as Lease, { from: 0, to: 2 }, async () => undefined);
      expect(await store().position(projection)).toBe(2);
    });

    it('lets another holder acquire at once after a release, with a bigger fencing token', async () => {
      const projection = newId('release');
      const first = await leaseFor(store(), projection, 'first');
      await store().release(first);
      const second = await leaseFor(store(), projection, 'second');
      expect(second.fencingToken).toBeGreaterThan(first.fencingToken);
    });
  });
}
