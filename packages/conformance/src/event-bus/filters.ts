import { describe, expect, it } from 'vitest';
import type { BusPair } from '../bus-kit/bus-pair.js';
import { ids } from '../bus-kit/event-sequence.js';

export function filterTests({ publisher, events, open, publishAll, settle }: BusPair): void {
  describe('filters', () => {
    it('eventTypes: receives only the listed types', async () => {
      const subscription = await open('orders', { eventTypes: ['OrderPlaced', 'OrderShipped'] });
      const batch = ['ItemAdded', 'OrderPlaced', 'OrderCancelled', 'OrderShipped', 'orderplaced'].map(
        (eventType) => events.next({ eventType }),
      );
      await publishAll('orders', batch);
      await settle();
      const sentinel = events.next({ eventType: 'OrderShipped' });
      await publisher().publish('orders', sentinel);
      const received = await subscription.take(3, 'the listed types');
      expect(received.map((delivery) => delivery.event.eventType)).toEqual([
        'OrderPlaced',
        'OrderShipped',
        'OrderShipped',
      ]);
      expect(ids(received)).toEqual([batch[1]?.id, batch[3]?.id, sentinel.id]);
    });

    it('eventTypes: an empty list means every type', async () => {
      const subscription = await open('orders', { eventTypes: [] });
      const batch = ['ItemAdded', 'OrderPlaced'].map((eventType) => events.next({ eventType }));
      await publishAll('orders', batch);
      expect(ids(await subscription.take(2, 'both types'))).toEqual(ids(batch));
    });

    it.each([
      ['order-1', ['order-1'], ['order-10', 'order', 'order-1.x', 'x.order-1']],
      [
        'order.eu.*',
        ['order.eu.1', 'order.eu.2'],
        ['order.us.1', 'order.eu', 'order.eu.1.x', 'customer.eu.1'],
      ],
      ['order.>', ['order.eu', 'order.eu.1.x'], ['order', 'orders.eu', 'customer.order.1']],
      ['*.eu', ['order.eu', 'customer.eu'], ['eu', 'order.us', 'order.eu.1']],
      ['*', ['order-1', 'order 7', 'überbestellung-😀', 'a*b', 'a>b'], ['order.1', 'a.b.c']],
      ['>', ['order-1', 'order.eu.1', 'a b.c d'], []],
    ])('actorPattern %j receives actors %j, never %j', async (actorPattern, matching, others) => {
      const subscription = await open('orders', { actorPattern });
      const expected: string[] = [];
      for (const actorId of [...others, ...matching]) {
        const event = events.next({ actorId });
        await publisher().publish('orders', event);
        if (matching.includes(actorId)) expected.push(`${actorId} ${event.id}`);
      }
      await settle();
      const sentinel = events.next({ actorId: matching[0] as string });
      await publisher().publish('orders', sentinel);
      expected.push(`${sentinel.actorId} ${sentinel.id}`);
      const received = await subscription.take(expected.length, `${expected.length} events`);
      expect(received.map((delivery) => `${delivery.event.actorId} ${delivery.event.id}`)).toEqual(expected);
    });

    it('namespace pattern, eventTypes and actorPattern must all match', async () => {
      const subscription = await open('orders.*', {
        eventTypes: ['OrderPlaced'],
        actorPattern: 'order.eu.*',
      });
      const wanted = { eventType: 'OrderPlaced', actorId: 'order.eu.1' };
      await publisher().publish('billing.eu', events.next(wanted));
      await publisher().publish('orders.eu', events.next({ ...wanted, eventType: 'ItemAdded' }));
      await publisher().publish('orders.eu', events.next({ ...wanted, actorId: 'order.us.1' }));
      await settle();
      const match = events.next(wanted);
      await publisher().publish('orders.eu', match);
      expect((await subscription.next('the one matching event')).event.id).toBe(match.id);
    });
  });
}
