import { InMemoryEventStore } from '@aether/store-memory';
import { expect, it } from 'vitest';
import { eventFactory } from './order-events.js';
import { printLog } from './print-log.js';

/** Lines printed so far, and a way to wait until there are `count` of them. */
function recorder() {
  const lines: string[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const print = (line: string) => {
    lines.push(line);
    for (const waiter of waiters.filter(({ count }) => lines.length >= count)) waiter.resolve();
  };
  const until = (count: number) =>
    new Promise<void>((resolve) => (lines.length >= count ? resolve() : waiters.push({ count, resolve })));
  return { lines, print, until };
}

it('prints "caught up at N" after the whole batch at the head and before what comes live', async () => {
  const store = new InMemoryEventStore();
  const events = eventFactory({
    newId: (() => {
      let n = 0;
      return () => `e${++n}`;
    })(),
    now: () => new Date(0),
  });
  await store.saveEvent(events.next('order-1', 1, 'OrderPlaced', { customer: 'Ada' }));
  await store.saveEvents([
    events.next('order-1', 2, 'ItemAdded', { sku: 'A', quantity: 1, priceCents: 1 }),
    events.next('order-1', 3, 'OrderShipped', { carrier: 'Post' }),
  ]);
  const { lines, print, until } = recorder();
  const subscription = store.subscribe();
  const printed = printLog(subscription, { print, status: () => {} });
  await until(4);
  await store.saveEvent(events.next('order-2', 1, 'OrderPlaced', { customer: 'Bob' }));
  await until(5);
  await subscription.close();

  expect(await printed).toBe(4);
  expect(lines).toEqual([
    '#1    OrderPlaced  order-1 v1 {"customer":"Ada"}',
    '#2    ItemAdded    order-1 v2 {"sku":"A","quantity":1,"priceCents":1}',
    '#2    OrderShipped order-1 v3 {"carrier":"Post"}',
    'caught up at 2; live from here',
    '#3    OrderPlaced  order-2 v1 {"customer":"Bob"}',
  ]);
});

it('says it is caught up at once when it starts at the end of an empty log', async () => {
  const store = new InMemoryEventStore();
  const { lines, print, until } = recorder();
  const subscription = store.subscribe({ after: 'end' });
  const printed = printLog(subscription, { print, status: () => {} });
  await until(1);
  await subscription.close();
  expect(await printed).toBe(0);
  expect(lines).toEqual(['caught up at 0; live from here']);
});
