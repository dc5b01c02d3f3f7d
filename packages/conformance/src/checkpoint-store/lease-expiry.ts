import { describe, expect, it } from 'vitest';
import {
  type AnyCheckpointStore,
  countingApply,
  LONG_LEASE_MS,
  leaseFor,
  leaseOnceFree,
} from '../checkpoint-kit/checkpoint-kit.js';
import type { CheckpointStoreSuiteOptions } from '../checkpoint-kit/checkpoint-suite-options.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function leaseExpiryTests(
  { store, newId }: SuiteContext<AnyCheckpointStore>,
  options: CheckpointStoreSuiteOptions<AnyCheckpointStore>,
): void {
  const shortLeaseMs = options.shortLeaseMs ?? 100;
  const expiryWaitMs = options.expiryWaitMs ?? 10_000;

  describe('lease expiry and takeover', () => {
    it('hands a lease that ran out to the next holder, with a bigger fencing token, who goes on from the committed position', async () => {
      const projection = newId('expiry');
      const first = await leaseFor(store(), projection, 'first');
      await store().commit(first, { from: 0, to: 3 }, countingApply().apply);
      expect(await store().acquire(projection, 'second', LONG_LEASE_MS)).toBeUndefined();
      // The first holder stops renewing: its last renewal is short, and then it is silent.
      const short = await store().renew(first, shortLeaseMs);
      expect(short).toBeDefined();
      const second = await leaseOnceFree(store(), projection, 'second', expiryWaitMs);
      expect(second.fencingToken).toBeGreaterThan(first.fencingToken);
      expect(await store().position(projection)).toBe(3);
      await store().commit(second, { from: 3, to: 4 }, countingApply().apply);
      expect(await store().position(projection)).toBe(4);
    });

    it('refuses to renew a lease that ran out and was taken over', async () => {
      const projection = newId('expired-renew');
      const first = await leaseFor(store(), projection, 'first');
      await store().renew(first, shortLeaseMs);
      await leaseOnceFree(store(), projection, 'second', expiryWaitMs);
      expect(await store().renew(first, LONG_LEASE_MS)).toBeUndefined();
    });
  });
}
