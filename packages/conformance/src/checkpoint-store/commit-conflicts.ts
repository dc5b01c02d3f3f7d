import { describe, expect, it } from 'vitest';
import {
  type AnyCheckpointStore,
  countingApply,
  expectProjectionError,
  leaseFor,
  parkedAt,
} from '../checkpoint-kit/checkpoint-kit.js';
import { rejectionOf } from '../store-kit/outcomes.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function commitConflictTests({ store, newId }: SuiteContext<AnyCheckpointStore>): void {
  describe('compare-and-set on the position', () => {
    it.each([
      ['behind', 2],
      ['ahead', 9],
    ])(
      'refuses a commit from a position %s of the committed one with CHECKPOINT_CONFLICT, without applying it',
      async (_case, from) => {
        const projection = newId('cas');
        const lease = await leaseFor(store(), projection, 'worker');
        await store().commit(lease, { from: 0, to: 5 }, countingApply().apply);
        const late = countingApply();
        const error = await rejectionOf(() => store().commit(lease, { from, to: from + 3 }, late.apply));
        expectProjectionError(error, 'CHECKPOINT_CONFLICT');
        expect(late.calls()).toBe(0);
        expect(await store().position(projection)).toBe(5);
      },
    );

    it('lets exactly one of two commits from the same position through', async () => {
      const projection = newId('cas-race');
      const lease = await leaseFor(store(), projection, 'worker');
      await store().commit(lease, { from: 0, to: 1 }, countingApply().apply);
      const outcomes = await Promise.allSettled([
        store().commit(lease, { from: 1, to: 5 }, countingApply().apply),
        store().commit(lease, { from: 1, to: 6 }, countingApply().apply),
      ]);
      const won = outcomes.filter(({ status }) => status === 'fulfilled');
      expect(won).toHaveLength(1);
      const lost = outcomes.find(({ status }) => status === 'rejected') as PromiseRejectedResult;
      expectProjectionError(lost.reason, 'CHECKPOINT_CONFLICT');
      expect([5, 6]).toContain(await store().position(projection));
    });

    it('refuses to park from a position that is not the committed one, parking nothing', async () => {
      const projection = newId('cas-park');
      const lease = await leaseFor(store(), projection, 'worker');
      await store().commit(lease, { from: 0, to: 5 }, countingApply().apply);
      const error = await rejectionOf(() =>
        store().park(lease, { from: 3, to: 6 }, parkedAt(projection, 6, newId('actor'))),
      );
      expectProjectionError(error, 'CHECKPOINT_CONFLICT');
      expect(await store().parked(projection)).toEqual([]);
      expect(await store().position(projection)).toBe(5);
    });
  });
}
