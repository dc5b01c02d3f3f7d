import { describe, expect, it } from 'vitest';
import type { BusPair } from '../bus-kit/bus-pair.js';
import { reader } from '../bus-kit/reader.js';
import { within } from '../bus-kit/within.js';

/** `unsubscribe()`, `break` and `close()` end iterations. */
export function endingSubscriptionTests({
  publisher,
  subscriber,
  events,
  open,
  publishAll,
  settle,
  timeoutMs,
}: BusPair): void {
  describe('ending a subscription', () => {
    it('unsubscribe() ends a pending read', async () => {
      const subscription = await open('orders');
      const pending = subscription.iterator.next();
      subscription.subscription.unsubscribe();
      expect((await within(pending, timeoutMs, 'the pending read to end')).done).toBe(true);
    });

    it('unsubscribe() discards unread events, stops delivery and is idempotent; other subscriptions go on', async () => {
      const subscription = await open('orders', { bufferSize: 3 });
      const other = await open('orders');
      await publishAll('orders', events.many(3));
      await settle();
      subscription.subscription.unsubscribe();
      subscription.subscription.unsubscribe();
      // Still subscribed, its full buffer would now count drops.
      await publishAll('orders', events.many(3));
      await settle();
      expect(subscription.subscription.dropped).toBe(0);
      await subscription.expectDone('the unsubscribed iteration');
      expect((await other.take(6, 'the other subscription’s events')).length).toBe(6);
    });

    it('breaking out of for await unsubscribes', async () => {
      const subscription = await open('orders', { bufferSize: 1, overflow: 'drop-newest' });
      const first = events.next();
      await publisher().publish('orders', first);
      let seen: string | undefined;
      await within(
        (async () => {
          for await (const delivery of subscription.subscription) {
            seen = delivery.event.id;
            break;
          }
        })(),
        timeoutMs,
        'the first event',
      );
      expect(seen).toBe(first.id);
      await publishAll('orders', events.many(3));
      await settle();
      expect(subscription.subscription.dropped).toBe(0);
      await reader(subscription.subscription, timeoutMs).expectDone('a new iteration after break');
    });

    it('close() ends every iteration on the bus', async () => {
      const first = await open('orders');
      const second = await open('>', { eventTypes: ['OrderPlaced'] });
      const pending = first.iterator.next();
      const looping = (async () => {
        let count = 0;
        for await (const _delivery of second.subscription) count++;
        return count;
      })();
      await subscriber().close();
      expect((await within(pending, timeoutMs, 'the pending read to end')).done).toBe(true);
      expect(await within(looping, timeoutMs, 'the for await loop to end')).toBe(0);
    });
  });
}
