import { describe, expect, it } from 'vitest';
import type { BusPair } from '../bus-kit/bus-pair.js';
import { ids } from '../bus-kit/event-sequence.js';
import { overflowTests } from './overflow.js';

export function slowSubscriberTests(pair: BusPair): void {
  const { events, open, publishAll, settle } = pair;

  describe('slow subscribers and overflow', () => {
    it('a subscriber that never reads blocks neither the publisher nor another subscriber', async () => {
      const idle = await open('orders', { bufferSize: 4 });
      const active = await open('orders');
      const batch = events.many(100);
      const reading = active.take(100, 'every event, by the reading subscriber');
      await publishAll('orders', batch);
      expect(ids(await reading)).toEqual(ids(batch));
      await settle();
      expect(idle.subscription.dropped).toBe(96);
      expect(active.subscription.dropped).toBe(0);
    });

    overflowTests(pair);
  });
}
