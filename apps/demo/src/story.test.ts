import { LocalEventBus } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { expect, it } from 'vitest';
import { eventFactory } from './order-events.js';
import { runOrderStory } from './story.js';

it('tells the whole order story on the in-memory store', async () => {
  const lines: string[] = [];
  let nextId = 0;
  const bus = new LocalEventBus();
  await runOrderStory({
    store: new InMemoryEventStore(),
    bus,
    events: eventFactory({ newId: () => `event-${++nextId}`, now: () => new Date('2026-01-01T00:00:00Z') }),
    print: (line) => lines.push(line),
    namespace: 'shop.orders',
    orderId: 'order-1',
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
  ]);
});
