import { randomUUID } from 'node:crypto';
import type { AnyEvent } from '@aether/core';
import { InMemoryEventStore } from '../index.js';

const store = new InMemoryEventStore();
const event = (actorId: string, version: number, eventType: string, data: object): AnyEvent => ({
  id: randomUUID(),
  eventType,
  actorId,
  version,
  data,
  timestamp: new Date(),
});

// One decision, two events, saved together: all or nothing, at one position of the log.
await store.saveEvents([
  event('order-1', 1, 'OrderPlaced', { customer: 'Ada' }),
  event('order-1', 2, 'ItemAdded', { sku: 'TEA', quantity: 2 }),
]);
await store.saveEvent(event('order-2', 1, 'OrderPlaced', { customer: 'Grace' }));

// Every event of every actor, in the order they were saved.
for (const { position, event: saved } of await store.readAll()) {
  console.log(`${position}: ${saved.eventType} ${saved.actorId} v${saved.version}`);
}

// Follow the log: what is there, then what is saved from now on.
const placed = store.subscribe({ eventTypes: ['OrderPlaced'] });
void placed.caughtUp.then((head) => console.log(`caught up at ${head}`));
for await (const { position, event: seen } of placed) {
  console.log(`seen ${position}: ${seen.actorId}`);
  if (seen.actorId === 'order-2') {
    await store.saveEvent(event('order-3', 1, 'OrderPlaced', { customer: 'Edsger' }));
  }
  if (seen.actorId === 'order-3') break; // leaving the loop closes the subscription
}
