import { describe, expect, it } from 'vitest';
import { type AnyCheckpointStore, countingApply, leaseFor } from '../checkpoint-kit/checkpoint-kit.js';
import { rejectionOf } from '../store-kit/outcomes.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function positionAndCommitTests({ store, newId }: SuiteContext<AnyCheckpointStore>): void {
  describe('positions and commits', () => {
    it('says whether it is exactly once, and starts a projection it never saw at position 0 with nothing parked', async () => {
      expect(typeof store().exactlyOnce).toBe('boolean');
      const projection = newId('never-seen');
      expect(await store().position(projection)).toBe(0);
      expect(await store().parked(projection)).toEqual([]);
    });

    it('runs apply once per commit and moves the position to the end of the range, commit after commit', async () => {
      const projection = newId('orders');
      const lease = await leaseFor(store(), projection, 'worker');
      const first = countingApply();
      await store().commit(lease, { from: 0, to: 7 }, first.apply);
      expect(first.calls()).toBe(1);
      expect(await store().position(projection)).toBe(7);
      const second = countingApply();
      await store().commit(lease, { from: 7, to: 12 }, second.apply);
      expect(second.calls()).toBe(1);
      expect(await store().position(projection)).toBe(12);
    });

    it('keeps the position of each projection apart', async () => {
      const one = newId('one');
      const two = newId('two');
      await store().commit(await leaseFor(store(), one, 'worker'), { from: 0, to: 3 }, countingApply().apply);
      await store().commit(await leaseFor(store(), two, 'worker'), { from: 0, to: 9 }, countingApply().apply);
      expect(await store().position(one)).toBe(3);
      expect(await store().position(two)).toBe(9);
    });

    it('commits nothing when apply fails, and rejects with its error', async () => {
      const projection = newId('failing');
      const lease = await leaseFor(store(), projection, 'worker');
      await store().commit(lease, { from: 0, to: 4 }, countingApply().apply);
      const failure = new Error('the read model refused the batch');
      const failing = countingApply(failure);
      const error = await rejectionOf(() => store().commit(lease, { from: 4, to: 8 }, failing.apply));
      expect(causes(error)).toContain(failure);
      expect(await store().position(projection)).toBe(4);
      // The same range commits once apply works.
      await store().commit(lease, { from: 4, to: 8 }, countingApply().apply);
      expect(await store().position(projection)).toBe(8);
    });
  });
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && !chain.includes(current); ) {
    chain.push(current);
    current = (current as { cause?: unknown } | null)?.cause;
  }
  return chain;
}
