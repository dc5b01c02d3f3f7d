// README:start
import { randomUUID } from 'node:crypto';
import type { Event } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { memoryCheckpoints, type Projection, runProjection } from '../index.js';

// What was saved, not what was meant: one price came in as text.
type PriceSet = Event<'PriceSet', { price: number | string }>;

const store = new InMemoryEventStore();
const checkpoints = memoryCheckpoints();
const prices = new Map<string, number>();
let fixed = false; // the bug: a price saved as text

const pricesProjection: Projection<PriceSet> = {
  name: 'prices',
  async apply(batch) {
    for (const { event } of batch) {
      const { price } = event.data;
      if (typeof price === 'number') prices.set(event.actorId, price);
      else if (fixed) prices.set(event.actorId, Number.parseFloat(price));
      else throw new Error(`price ${JSON.stringify(price)} is not a number`);
    }
  },
};
// After 2 failed tries (100 ms apart), the batch is split to find the event that fails, which is
// parked; every other event is applied. The default, onPoison: 'stop', stops there instead.
const runner = runProjection(store, pricesProjection, { checkpoints, onPoison: 'park', maxAttempts: 2 });

for (const [sku, price] of [
  ['tea', 4],
  ['cake', '6 EUR'],
  ['jam', 3],
] as const) {
  await store.saveEvent({
    id: randomUUID(),
    eventType: 'PriceSet',
    actorId: sku,
    version: 1,
    data: { price },
    timestamp: new Date(),
  });
}
await runner.whenCaughtUp();
for (const { position, attempts, error } of await checkpoints.parked('prices')) {
  console.log(`parked position ${position} after ${attempts} attempts: ${error}`);
}
console.log(`at position ${runner.status().position}, ${runner.status().parked} parked`);

fixed = true; // the fix is deployed: play the parked event again
console.log(`re-played position 2: ${await runner.replayParked(2)}`);
console.log(JSON.stringify(Object.fromEntries(prices)));
await runner.stop();
// README:end
