import { LocalEventBus } from '@aether/core';
import { VirtualClock } from '@aether/retry';
import { InMemoryEventStore } from '@aether/store-memory';
import { expect, it } from 'vitest';
import { eventFactory } from './order-events.js';
import { runOrderStory } from './story.js';

it('tells the whole order story on the in-memory store', async () => {
  const lines: string[] = [];
  let nextId = 0;
  const bus = new LocalEventBus();
  const clock = new VirtualClock({ autoAdvance: true });
  const store = new InMemoryEventStore();
  await runOrderStory({
    store,
    bus,
    events: eventFactory({ newId: () => `event-${++nextId}`, now: () => new Date('2026-01-01T00:00:00Z') }),
    print: (line) => lines.push(line),
    namespace: 'shop.orders',
    orderId: 'order-1',
    clerksOrderId: 'order-2',
    // Retries wait on a virtual clock: the test never sleeps, and the waits are exact.
    clock,
  });
  await bus.close();

  expect(lines).toEqual([
    'Subscriber listening on namespace "shop.orders"',
    'Saved OrderPlaced  order-1 v1 {"customer":"Ada Lovelace"}',
    'Saved ItemAdded    order-1 v2 {"sku":"TEA-EARL-GREY","quantity":2,"priceCents":450}',
    'Stale write rejected: VersionConflictError actorId=order-1 attemptedVersion=2 currentVersion=2',
    'Order state after replaying 2 events: placed, customer Ada Lovelace, 2x TEA-EARL-GREY, total 9.00',
    'Snapshot saved at version 2',
    'Saved ItemAdded    order-1 v3 {"sku":"SCONE","quantity":1,"priceCents":300}',
    'Saved OrderShipped order-1 v4 {"carrier":"Royal Mail"}',
    'Order state from snapshot v2 + 2 newer events: shipped, customer Ada Lovelace, 2x TEA-EARL-GREY, 1x SCONE, total 12.00',
    'Subscriber received 4 events: OrderPlaced v1, ItemAdded v2, ItemAdded v3, OrderShipped v4',
    '',
    'Two clerks update order-2 at the same time, each command through handleCommand:',
    'Clerk Ada: sees a new order, decides: place it for Grace Hopper',
    'Clerk Ada: saved OrderPlaced v1',
    'Clerk Ada: sees an order with no items, decides: add 2x MUG',
    'Clerk Bob: sees an order with no items, decides: add 1x TEAPOT',
    'Clerk Bob: conflict, tried v2 but order-2 is at v2; deciding again in 20 ms',
    'Clerk Ada: saved ItemAdded v2',
    'Clerk Ada: sees an order with 1 item, decides: add 4x SPOON',
    'Clerk Ada: saved ItemAdded v3',
    'Clerk Bob: sees an order with 2 items, decides: add 1x TEAPOT',
    'Clerk Bob: saved ItemAdded v4 (attempt 2)',
    'Clerk Bob: sees an order with 3 items, decides: add 1x TRAY',
    'Clerk Bob: saved ItemAdded v5',
    'Clerk Ada: sees an order with 4 items, decides: pack it in a GIFT-BOX and ship it (one decision, two events)',
    'Clerk Ada: saved ItemAdded v6 and OrderShipped v7 in one saveEvents call (atomic: both or neither)',
    'Clerk Bob: sees a shipped order, decides: add 1x NAPKIN',
    'Clerk Bob: refused with OrderNotOpenError (never retried, nothing stored): the order has shipped, no more changes',
    'Order state after both clerks: shipped, customer Grace Hopper, 2x MUG, 4x SPOON, 1x TEAPOT, 1x TRAY, 1x GIFT-BOX, total 62.00; versions 1-7 with no gaps, 1 conflict resolved by deciding again',
  ]);
  // The one retry waited exactly what the backoff says, on the virtual clock.
  expect(clock.sleeps).toEqual([20]);
  // The two-event decision is one append: both events at one position, the last in the log.
  const log = await store.readAll();
  const last = log.at(-1)?.position;
  expect(log.filter(({ position }) => position === last).map(({ event }) => event.version)).toEqual([6, 7]);
  expect(new Set(log.map(({ position }) => position)).size).toBe(log.length - 1);
});
