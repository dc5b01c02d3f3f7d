import { describe, expect, it } from 'vitest';
import {
  type AnyCheckpointStore,
  countingApply,
  leaseFor,
  parkedAt,
} from '../checkpoint-kit/checkpoint-kit.js';
import { rejectionOf } from '../store-kit/outcomes.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function parkingTests({ store, newId }: SuiteContext<AnyCheckpointStore>): void {
  describe('parked events', () => {
    it('parks an event with everything known of it and moves the position over it; lists them by position', async () => {
      const projection = newId('parking');
      const actorId = newId('actor');
      const lease = await leaseFor(store(), projection, 'worker');
      await store().commit(lease, { from: 0, to: 4 }, countingApply().apply);
      const seven = parkedAt(projection, 7, actorId);
      const five = parkedAt(projection, 5, actorId);
      await store().park(lease, { from: 4, to: 5 }, five);
      await store().commit(lease, { from: 5, to: 6 }, countingApply().apply);
      await store().park(lease, { from: 6, to: 7 }, seven);
      expect(await store().position(projection)).toBe(7);
      // Equal field for field: the events with their Date timestamps, data and metadata.
      expect(await store().parked(projection)).toEqual([five, seven]);
      expect(await store().parked(newId('other'))).toEqual([]);
    });

    it('re-plays a parked event: apply runs once, the event is forgotten, the position stays', async () => {
      const projection = newId('unpark');
      const lease = await leaseFor(store(), projection, 'worker');
      const parked = parkedAt(projection, 1, newId('actor'));
      await store().park(lease, { from: 0, to: 1 }, parked);
      await store().commit(lease, { from: 1, to: 3 }, countingApply().apply);
      const replay = countingApply();
      expect(await store().unpark(lease, 1, replay.apply)).toBe(true);
      expect(replay.calls()).toBe(1);
      expect(await store().parked(projection)).toEqual([]);
      expect(await store().position(projection)).toBe(3);
      const again = countingApply();
      expect(await store().unpark(lease, 1, again.apply)).toBe(false);
      expect(again.calls()).toBe(0);
    });

    it('keeps a parked event whose re-play fails, and answers false for a position never parked', async () => {
      const projection = newId('unpark-fails');
      const lease = await leaseFor(store(), projection, 'worker');
      const parked = parkedAt(projection, 1, newId('actor'));
      await store().park(lease, { from: 0, to: 1 }, parked);
      await rejectionOf(() => store().unpark(lease, 1, countingApply(new Error('still broken')).apply));
      expect(await store().parked(projection)).toEqual([parked]);
      const never = countingApply();
      expect(await store().unpark(lease, 99, never.apply)).toBe(false);
      expect(never.calls()).toBe(0);
    });
  });
}
