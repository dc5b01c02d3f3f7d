// README:start
import { randomUUID } from 'node:crypto';
import type { Event } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { memoryCheckpoints, type Projection, rebuildProjection, runProjection } from '../index.js';

type Sale = Event<'Sold', { amount: number }>;
const store = new InMemoryEventStore();
for (const [version, amount] of [40, 2, 58].entries()) {
  await store.saveEvent({
    id: randomUUID(),
    eventType: 'Sold',
    actorId: 'shop-1',
    version: version + 1,
    data: { amount },
    timestamp: new Date(),
  });
}

// Version 1 of the read model counts sales; version 2 also sums them, in tables of its own.
const tables = { 'sales.v1': new Map<string, number>(), 'sales.v2': new Map<string, string>() };
const v1: Projection<Sale> = {
  name: 'sales.v1',
  async apply(batch) {
    for (const { event } of batch) tables['sales.v1'].set(event.actorId, event.version);
  },
};
const v2: Projection<Sale> = {
  name: 'sales.v2',
  async apply(batch) {
    for (const { event } of batch) {
      const total = Number(tables['sales.v2'].get(event.actorId)?.split(' ')[2] ?? 0) + event.data.amount;
      tables['sales.v2'].set(event.actorId, `${event.version} sales, ${total} total`);
    }
  },
};

const checkpoints = memoryCheckpoints();
const running = runProjection(store, v1, { checkpoints });
await running.whenCaughtUp();
let serving: keyof typeof tables = 'sales.v1';

// Blue-green: v2 is built from position 0 beside v1, which goes on serving; once v2 has caught
// up, switchOver() points the application at it and stops v1.
const rebuilt = await rebuildProjection(store, v2, {
  mode: 'blue-green',
  checkpoints,
  async switchOver() {
    serving = 'sales.v2';
    await running.stop();
  },
});
console.log(`serving ${serving}: shop-1 has ${tables[serving].get('shop-1')}`);
console.log(
  `sales.v1 ${running.status().state}, sales.v2 ${rebuilt.status().state} at ${rebuilt.status().position}`,
);
await rebuilt.stop();
// README:end
