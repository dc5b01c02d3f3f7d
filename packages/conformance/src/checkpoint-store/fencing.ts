import { describe, expect, it } from 'vitest';
import type { LeaseUnderTest as Lease } from '../checkpoint-kit/checkpoint-contract.js';
import {
  type AnyCheckpointStore,
  countingApply,
  expectProjectionError,
  LONG_LEASE_MS,
  leaseFor,
  leaseOnceFree,
  parkedAt,
} from '../checkpoint-kit/checkpoint-kit.js';
import type { CheckpointStoreSuiteOptions } from '../checkpoint-kit/checkpoint-suite-options.js';
import { rejectionOf } from '../store-kit/outcomes.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function fencingTests(
  { store, newId }: SuiteContext<AnyCheckpointStore>,
  options: CheckpointStoreSuiteOptions<AnyCheckpointStore>,
): void {
  const shortLeaseMs = options.shortLeaseMs ?? 100;
  const expiryWaitMs = options.expiryWaitMs ?? 10_000;

  // A worker that was paused past its lease while another took the projection over: everything it
  // still tries is refused, and nothing of it is written.
  async function takenOver(label: string): Promise<{ projection: string; stale: Lease; current: Lease }> {
    const projection = newId(label);
    const stale = await leaseFor(store(), projection, 'paused');
    await store().commit(stale, { from: 0, to: 2 }, countingApply().apply);
    await store().park(stale, { from: 2, to: 3 }, parkedAt(projection, 3, newId('actor')));
    await store().renew(stale, shortLeaseMs);
    const current = await leaseOnceFree(store(), projection, 'taker', expiryWaitMs);
    return { projection, stale, current };
  }

  describe('fencing: a lease that was taken over commits nothing', () => {
    it('refuses a commit under the stale lease with LEASE_LOST, without applying it, even from the right position', async () => {
      const { projection, stale } = await takenOver('fenced-commit');
      const zombie = countingApply();
      const error = await rejectionOf(() => store().commit(stale, { from: 3, to: 10 }, zombie.apply));
      expectProjectionError(error, 'LEASE_LOST');
      expect(zombie.calls()).toBe(0);
      expect(await store().position(projection)).toBe(3);
    });

    it('refuses park and unpark under the stale lease with LEASE_LOST, changing no parked event', async () => {
      const { projection, stale } = await takenOver('fenced-park');
      const before = await store().parked(projection);
      expect(before.map(({ position }) => position)).toEqual([3]);
      const parkError = await rejectionOf(() =>
        store().park(stale, { from: 3, to: 4 }, parkedAt(projection, 4, newId('actor'))),
      );
      expectProjectionError(parkError, 'LEASE_LOST');
      const zombie = countingApply();
      const unparkError = await rejectionOf(() => store().unpark(stale, 3, zombie.apply));
      expectProjectionError(unparkError, 'LEASE_LOST');
      expect(zombie.calls()).toBe(0);
      expect(await store().parked(projection)).toEqual(before);
      expect(await store().position(projection)).toBe(3);
    });

    it("lets the new holder commit, and ignores the stale holder's release", async () => {
      const { projection, stale, current } = await takenOver('fenced-release');
      await store().release(stale);
      expect(await store().acquire(projection, 'third', LONG_LEASE_MS)).toBeUndefined();
      await store().commit(current, { from: 3, to: 5 }, countingApply().apply);
      expect(await store().position(projection)).toBe(5);
    });

    it('refuses a lease that was released, and one with a fencing token it never handed out', async () => {
      const projection = newId('fenced-forged');
      const lease = await leaseFor(store(), projection, 'worker');
      const forged = { ...lease, fencingToken: lease.fencingToken + 1 };
      expectProjectionError(
        await rejectionOf(() => store().commit(forged, { from: 0, to: 1 }, countingApply().apply)),
        'LEASE_LOST',
      );
      await store().release(lease);
      expectProjectionError(
        await rejectionOf(() => store().commit(lease, { from: 0, to: 1 }, countingApply().apply)),
        'LEASE_LOST',
      );
      expect(await store().position(projection)).toBe(0);
    });
  });
}
