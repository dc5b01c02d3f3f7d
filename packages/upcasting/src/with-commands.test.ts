import { type Decider, handleCommand } from '@aether/commands';
import { loadState, type RecordedEvent } from '@aether/core';
import { memoryCheckpoints, runProjection } from '@aether/projections';
import { InMemoryEventStore } from '@aether/store-memory';
import { describe, expect, it } from 'vitest';
import { withUpcasting } from './store/with-upcasting.js';
import {
  emptyOrder,
  evolve,
  newActor,
  type Order,
  type OrderEvent,
  orderUpcasters,
  stored,
} from './test-support/orders.js';

type AddItem = { sku: string; quantity: number };

const orders: Decider<Order, AddItem, OrderEvent> = {
  initialState: () => emptyOrder,
  evolve,
  decide: (command, order) => {
    if (order.customer === undefined) throw new Error('no such order');
    return [{ eventType: 'ItemAdded', data: command }];
  },
};

/** An order placed by v1 code, re-placed by v2 code, with an item. */
async function oldOrder(inner: InMemoryEventStore) {
  const actorId = newActor('cmd');
  await inner.saveEvent(stored(actorId, 1, 'OrderPlaced', { customer: 'Ada' }));
  await inner.saveEvent(stored(actorId, 2, 'ItemAdded', { sku: 'tea', quantity: 1 }));
  await inner.saveEvent(stored(actorId, 3, 'OrderPlaced', { customer: 'Grace', currency: 'USD' }, '2'));
  return actorId;
}

describe('the layers above the store, through withUpcasting', () => {
  it('handleCommand decides on the upcast state and stores its events stamped', async () => {
    const inner = new InMemoryEventStore();
    const actorId = await oldOrder(inner);
    const store = withUpcasting(inner, orderUpcasters);
    const result = await handleCommand(store, actorId, { sku: 'fig', quantity: 2 }, orders);
    expect(result.state).toEqual({ customer: 'Grace', currency: 'USD', items: 3 });
    expect(result.version).toBe(4);
    expect((await loadState(store, actorId, evolve, emptyOrder)).state).toEqual(result.state);
  });

  it('handleCommand’s snapshots are kept under the schema, and one of another schema is ignored', async () => {
    const inner = new InMemoryEventStore();
    const actorId = await oldOrder(inner);
    // A snapshot from before the state changed shape must not be read as today's state.
    await withUpcasting(inner, orderUpcasters).saveSnapshot({
      actorId,
      version: 3,
      state: { name: 'Grace', lines: 1 },
      timestamp: new Date(),
    });
    const store = withUpcasting(inner, orderUpcasters, { stateVersion: 2 });
    const first = await handleCommand(store, actorId, { sku: 'fig', quantity: 2 }, orders, {
      snapshotEvery: 1,
    });
    expect(first.state).toEqual({ customer: 'Grace', currency: 'USD', items: 3 });
    expect(await store.getLatestSnapshot(actorId)).toMatchObject({ version: 4, state: first.state });
    const second = await handleCommand(store, actorId, { sku: 'nut', quantity: 1 }, orders);
    expect(second.state.items).toBe(4);
  });

  it('a projection sees only current shapes', async () => {
    const inner = new InMemoryEventStore();
    const actorId = await oldOrder(inner);
    const seen: RecordedEvent<OrderEvent>[] = [];
    const runner = runProjection(
      withUpcasting(inner, orderUpcasters),
      {
        name: 'customers',
        eventTypes: ['OrderPlaced'],
        apply: async (batch: readonly RecordedEvent<OrderEvent>[]) => {
          seen.push(...batch);
        },
      },
      { checkpoints: memoryCheckpoints() },
    );
    try {
      await runner.whenCaughtUp({ timeoutMs: 10_000 });
    } finally {
      await runner.stop();
    }
    expect(seen.map(({ event }) => [event.actorId, event.data])).toEqual([
      [actorId, { customer: { name: 'Ada' }, currency: 'EUR' }],
      [actorId, { customer: { name: 'Grace' }, currency: 'USD' }],
    ]);
  });
});
