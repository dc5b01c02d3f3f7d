import { randomUUID } from 'node:crypto';
import { type Event, loadState } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { defineUpcasters, upcast, withUpcasting } from '../index.js';

// OrderPlaced changed shape twice. Old shapes stay in the store; code works with the newest only.
type PlacedV1 = { customer: string };
type PlacedV2 = { customer: string; currency: string };
type PlacedV3 = { customer: { name: string }; currency: string };
type OrderEvent = Event<'OrderPlaced', PlacedV3> | Event<'ItemAdded', { sku: string; quantity: number }>;

// Registered once. A gap (.to(3) right after v1) or a step that does not fit does not compile.
const upcasters = defineUpcasters<OrderEvent>({
  OrderPlaced: upcast<PlacedV1>()
    .to(2, (v1): PlacedV2 => ({ ...v1, currency: 'EUR' })) // v1 orders were all in euros
    .to(3, (v2) => ({ customer: { name: v2.customer }, currency: v2.currency })),
});

const raw = new InMemoryEventStore();
const store = withUpcasting(raw, upcasters);
const event = (version: number, eventType: string, data: object, metadata?: Record<string, string>) => ({
  id: randomUUID(),
  actorId: 'order-7',
  version,
  eventType,
  data,
  timestamp: new Date(),
  ...(metadata && { metadata }),
});

// History as earlier code stored it: a v1 event (no stamp) and a v2 event.
await raw.saveEvent(event(1, 'OrderPlaced', { customer: 'Ada' }));
await raw.saveEvent(event(2, 'OrderPlaced', { customer: 'Ada', currency: 'USD' }, { schemaVersion: '2' }));
// Today's code saves v3 through the wrapper, which stamps the version.
await store.saveEvent(event(3, 'ItemAdded', { sku: 'tea', quantity: 2 }));
await store.saveEvent(event(4, 'OrderPlaced', { customer: { name: 'Grace' }, currency: 'GBP' }));

for (const { version, data, metadata } of await store.getEvents('order-7')) {
  console.log(`v${version} ${JSON.stringify(data)} ${JSON.stringify(metadata ?? {})}`);
}

const order = await loadState(
  store,
  'order-7',
  (state: { customer?: string; items: number }, e: OrderEvent) =>
    e.eventType === 'OrderPlaced'
      ? { ...state, customer: e.data.customer.name }
      : { ...state, items: state.items + e.data.quantity },
  { items: 0 },
);
console.log(`order-7: ${JSON.stringify(order.state)} at version ${order.version}`);

// Newer code (OrderPlaced v4) wrote an event: this code reports it and reads the rest.
await raw.saveEvent(event(5, 'OrderPlaced', { buyer: 'Edsger' }, { schemaVersion: '4' }));
const { events, errors } = await store.getEventsWithErrors('order-7');
console.log(`${events.length} events read, ${errors.length} reported: ${errors[0]?.code}`);
