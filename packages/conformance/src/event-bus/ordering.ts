import { describe, expect, it } from 'vitest';
import type { BusPair } from '../bus-kit/bus-pair.js';
import { ids } from '../bus-kit/event-sequence.js';

export function orderingTests({ publisher, events, open }: BusPair): void {
  describe('order', () => {
    it('delivers one awaiting publisher’s events in publish order, across namespaces and actors', async () => {
      const subscription = await open('orders.>');
      const batch = events.many(200, (index) => ({ actorId: `order-${index % 7}` }));
      for (const [index, event] of batch.entries()) {
        await publisher().publish(index % 3 === 0 ? 'orders.us' : 'orders.eu.north', event);
      }
      expect(ids(await subscription.take(200, '200 events'))).toEqual(ids(batch));
    });

    it('delivers in call order when the publisher does not await each publish', async () => {
      const subscription = await open('orders.>');
      const batch = events.many(200, (index) => ({ actorId: `order-${index % 7}` }));
      await Promise.all(
        batch.map((event, index) => publisher().publish(index % 2 === 0 ? 'orders.us' : 'orders.eu', event)),
      );
      expect(ids(await subscription.take(200, '200 events'))).toEqual(ids(batch));
    });
  });
}
