import { randomUUID } from 'node:crypto';
import type { Event } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { memoryCheckpoints, type Projection, runProjection } from '../index.js';

type OrderEvent =
  | Event<'OrderPlaced', { customer: string }>
  | Event<'ItemAdded', { sku: string; price: number }>;

const store = new InMemoryEventStore();
const save = (event: Omit<OrderEvent, 'id' | 'timestamp'>) =>
  store.saveEvent({ ...event, id: randomUUID(), timestamp: new Date() } as OrderEvent);

// The read model: one row per order. Memory (and NATS KV) checkpoints deliver at least once: after
// a crash between apply and commit a batch comes again. The row keeps the last version applied,
// so an event seen twice changes nothing.
type Summary = { customer: string; items: number; total: number; version: number };
const summaries = new Map<string, Summary>();
const orderSummaries: Projection<OrderEvent> = {
  name: 'order-summaries',
  eventTypes: ['OrderPlaced', 'ItemAdded'],
  async apply(batch) {
    for (const { event } of batch) {
      const row = summaries.get(event.actorId) ?? { customer: '', items: 0, total: 0, version: 0 };
      if (event.version <= row.version) continue; // applied already
      if (event.eventType === 'OrderPlaced') row.customer = event.data.customer;
      else {
        row.items += 1;
        row.total += event.data.price;
      }
      row.version = event.version;
      summaries.set(event.actorId, row);
    }
  },
};

await save({ actorId: 'order-1', version: 1, eventType: 'OrderPlaced', data: { customer: 'Ada' } });
await save({ actorId: 'order-1', version: 2, eventType: 'ItemAdded', data: { sku: 'TEA', price: 4 } });
await save({ actorId: 'order-2', version: 1, eventType: 'OrderPlaced', data: { customer: 'Grace' } });

const runner = runProjection(store, orderSummaries, { checkpoints: memoryCheckpoints(), batchSize: 500 });
console.log(`caught up at position ${await runner.whenCaughtUp({ timeoutMs: 10_000 })}`);

// Read your writes: wait until the projection has applied what was just saved.
await save({ actorId: 'order-2', version: 2, eventType: 'ItemAdded', data: { sku: 'CAKE', price: 6 } });
await runner.whenProcessed(await store.headPosition(), { timeoutMs: 10_000 });
for (const [order, { customer, items, total }] of summaries) {
  console.log(`${order}: ${customer}, ${items} item(s), ${total}`);
}
const { state, position, lagEvents, lagSeconds } = runner.status();
console.log(`${state} at position ${position}, ${lagEvents} events and ${lagSeconds} s behind`);

await runner.stop(); // finishes the batch in hand, commits it, releases the lease
console.log(runner.status().state);
