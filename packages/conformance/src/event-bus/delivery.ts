import { describe, expect, it } from 'vitest';
import type { BusPair } from '../bus-kit/bus-pair.js';
import { ids } from '../bus-kit/event-sequence.js';
import { namespacePatternTests } from './namespace-patterns.js';
import { tenantIsolationTests } from './tenant-isolation.js';

export function deliveryTests(pair: BusPair): void {
  const { publisher, events, open, publishAll, settle } = pair;

  describe('delivery', () => {
    it('delivers the event unchanged with its namespace, deeply frozen, unaffected by later changes to the original', async () => {
      const orders = await open('orders');
      const original = {
        ...events.next(),
        data: { customer: 'ada', items: [{ sku: 'tea', quantity: 2 }] },
        metadata: { correlationId: 'c-1', causationId: 'c-0' },
      };
      await publisher().publish('orders', original);
      const expected = structuredClone(original);
      original.data.customer = 'eve';
      original.data.items.push({ sku: 'coffee', quantity: 1 });
      const delivery = await orders.next('the published event');
      expect(delivery.namespace).toBe('orders');
      expect(delivery.event).toEqual(expected);
      expect(delivery.event.timestamp.getTime()).toBe(expected.timestamp.getTime());
      expect(Object.isFrozen(delivery.event)).toBe(true);
      expect(Object.isFrozen(delivery.event.data)).toBe(true);
      expect(Object.isFrozen((delivery.event.data as { items: object[] }).items[0])).toBe(true);
    });

    it('delivers each event once to every matching subscription', async () => {
      const first = await open('orders');
      const second = await open('orders');
      const third = await open('>');
      const batch = events.many(3);
      await publishAll('orders', batch);
      await settle();
      for (const subscription of [first, second, third]) {
        expect(ids(await subscription.take(3, 'the three events'))).toEqual(ids(batch));
      }
      // A duplicate would have arrived before this sentinel: everything published earlier has settled.
      const sentinel = events.next();
      await publisher().publish('orders', sentinel);
      for (const subscription of [first, second, third]) {
        expect((await subscription.next('the sentinel')).event.id).toBe(sentinel.id);
      }
    });

    namespacePatternTests(pair);
    tenantIsolationTests(pair);
  });
}
