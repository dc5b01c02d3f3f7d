// The example in README.md, run by quick-start.integration.test.ts against a real nats-server.
// README:start
import { randomUUID } from 'node:crypto';
import type { Event, RecordedEvent } from '@aether/core';
import { runProjection } from '@aether/projections';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { connect } from '@nats-io/transport-node';
import { kvCheckpoints } from '../index.js';

type ItemSold = Event<'ItemSold', { sku: string; quantity: number }>;

export async function main(
  servers: string,
  storeName = 'shop',
  bucket = 'shop-projections',
): Promise<string[]> {
  const lines: string[] = [];
  const nc = await connect({ servers });
  const store = await JetStreamEventStore.open(nc, { storeName });
  const checkpoints = kvCheckpoints(nc, { bucket });

  // The read model: units sold per SKU. At least once: after a crash between apply and the
  // checkpoint, a batch comes again, so it remembers which (actorId, version) it has counted.
  const unitsSold = new Map<string, number>();
  const counted = new Set<string>();
  const count = ({ event }: RecordedEvent<ItemSold>) => {
    const key = `${event.actorId}@${event.version}`;
    if (counted.has(key)) return;
    counted.add(key);
    unitsSold.set(event.data.sku, (unitsSold.get(event.data.sku) ?? 0) + event.data.quantity);
  };
  const runner = runProjection<ItemSold, undefined>(
    store,
    {
      name: 'units-sold',
      eventTypes: ['ItemSold'],
      async apply(batch) {
        for (const recorded of batch) count(recorded);
      },
    },
    // Another worker takes over at most about 15 s after this one dies.
    { checkpoints, leaseTtlMs: 15_000 },
  );
  try {
    const orderId = `order-${randomUUID()}`;
    const sold = (version: number, sku: string, quantity: number): ItemSold => ({
      id: randomUUID(),
      eventType: 'ItemSold',
      actorId: orderId,
      version,
      data: { sku, quantity },
      timestamp: new Date(),
    });
    await store.saveEvents([sold(1, 'TEA-1', 2), sold(2, 'CUP-9', 1)]);
    await store.saveEvent(sold(3, 'TEA-1', 1));

    // Read your writes: wait until everything up to the log's head is applied and checkpointed.
    await runner.whenProcessed(await store.headPosition(), { timeoutMs: 10_000 });
    lines.push(`units sold: TEA-1 ${unitsSold.get('TEA-1')}, CUP-9 ${unitsSold.get('CUP-9')}`);
    lines.push(`checkpoint: position ${await checkpoints.position('units-sold')}`);
    lines.push(`exactly once: ${checkpoints.exactlyOnce}`);
  } finally {
    await runner.stop(); // commits the batch in hand and releases the lease
    await store.close();
    await nc.close();
  }
  return lines;
}
// README:end
