import { randomUUID } from 'node:crypto';
import { type Event, findVersionConflict, loadState } from '@aether/core';
import { InMemoryEventStore } from '../index.js';

type CartEvent =
  | Event<'ItemAdded', { sku: string; quantity: number }>
  | Event<'ItemRemoved', { sku: string }>;
type Cart = { items: Record<string, number> };

function apply(cart: Cart, event: CartEvent): Cart {
  const { sku } = event.data;
  if (event.eventType === 'ItemAdded') {
    return { items: { ...cart.items, [sku]: (cart.items[sku] ?? 0) + event.data.quantity } };
  }
  return { items: Object.fromEntries(Object.entries(cart.items).filter(([key]) => key !== sku)) };
}

const actorId = 'cart-42';
const base = (version: number) => ({ id: randomUUID(), actorId, version, timestamp: new Date() });
const added = (version: number, sku: string, quantity: number): CartEvent => ({
  ...base(version),
  eventType: 'ItemAdded',
  data: { sku, quantity },
});
const removed = (version: number, sku: string): CartEvent => ({
  ...base(version),
  eventType: 'ItemRemoved',
  data: { sku },
});

const store = new InMemoryEventStore();
await store.saveEvent(added(1, 'apple', 3));
await store.saveEvent(added(2, 'pear', 1));
await store.saveEvent(removed(3, 'apple'));
console.log(`${actorId} is at version ${await store.getLatestVersion(actorId)}`);

// A writer that still believes the cart is at version 1 is rejected, and nothing is stored.
try {
  await store.saveEvent(removed(2, 'pear'));
} catch (error) {
  const conflict = findVersionConflict(error);
  if (conflict === undefined) throw error;
  console.log(
    `Stale write rejected: attempted ${conflict.attemptedVersion}, current ${conflict.currentVersion}`,
  );
}

const full = await loadState(store, actorId, apply, { items: {} });
console.log(`Cart after replaying ${full.applied} events: ${JSON.stringify(full.state.items)}`);

// A snapshot lets the next load read only the newer events.
await store.saveSnapshot({ actorId, version: full.version, state: full.state, timestamp: new Date() });
await store.saveEvent(added(4, 'fig', 2));
const latest = await loadState(store, actorId, apply, { items: {} });
console.log(
  `Cart from the snapshot plus ${latest.applied} newer event: ${JSON.stringify(latest.state.items)}`,
);
