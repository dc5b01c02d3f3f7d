// The example in README.md, run by readme-example.integration.test.ts against a real nats-server.
// README:start
import { randomUUID } from 'node:crypto';
import { type Event, findVersionConflict, isRetryable, loadState, type Reducer } from '@aether/core';
import { DEFAULT_JETSTREAM_CONFIG, JetStreamEventStore } from '../index.js';

type OrderEvent =
  | Event<'OrderPlaced', { customer: string }>
  | Event<'ItemAdded', { sku: string; quantity: number }>;

const countItems: Reducer<number, OrderEvent> = (items, event) =>
  event.eventType === 'ItemAdded' ? items + event.data.quantity : items;

export async function main(servers: string, storeName = 'shop'): Promise<string[]> {
  const lines: string[] = [];
  // Retention: JetStream deletes events older than `maxAge`, one year unless you say otherwise.
  lines.push(`default retention: ${DEFAULT_JETSTREAM_CONFIG.maxAge} ms (365 days)`);

  // The store owns this connection and closes it in close(). Keep every event: maxAge 'forever'.
  const store = await JetStreamEventStore.connect({ servers, storeName, maxAge: 'forever' });
  try {
    const actorId = `order-${randomUUID()}`;
    const event = (version: number, eventType: string, data: Record<string, unknown>) => ({
      id: randomUUID(), // the Nats-Msg-Id: a retried save of the same event is stored once
      eventType,
      actorId,
      version,
      data,
      timestamp: new Date(),
    });
    await store.saveEvent(event(1, 'OrderPlaced', { customer: 'Ada' }));
    await store.saveEvent(event(2, 'ItemAdded', { sku: 'TEA-1', quantity: 2 }));

    // Another writer that also read version 1 is refused by the server, with the real version.
    try {
      await store.saveEvent(event(2, 'ItemAdded', { sku: 'CUP-9', quantity: 1 }));
    } catch (err) {
      const conflict = findVersionConflict(err);
      if (conflict) lines.push(`conflict: current version is ${conflict.currentVersion}`);
      else if (isRetryable(err)) lines.push('transient failure: retry the same event');
      else throw err;
    }

    const { state, version } = await loadState(store, actorId, countItems, 0);
    lines.push(`items: ${state} at version ${version}, stream ${store.stream}`);

    // Two events of one decision, saved together: one message, all or nothing, one position.
    await store.saveEvents([
      event(3, 'ItemAdded', { sku: 'CUP-9', quantity: 1 }),
      event(4, 'ItemAdded', { sku: 'SAUCER-9', quantity: 1 }),
    ]);
    // The store's log, every actor's events in the order they were saved: read it to the end.
    for await (const { position, event: saved } of store.subscribe({ live: false })) {
      lines.push(`log position ${position}: ${saved.eventType} v${saved.version}`);
    }
  } finally {
    await store.close();
  }
  return lines;
}
// README:end
