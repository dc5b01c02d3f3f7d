import { findValidationError, loadState } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { describe, expect, it } from 'vitest';
import { defineUpcasters } from '../chain/define-upcasters.js';
import { upcast } from '../chain/upcaster-chain.js';
import { emptyOrder, evolve, newActor, orderUpcasters, stored } from '../test-support/orders.js';
import { snapshotSchemaOf } from './snapshot-schema.js';
import { withUpcasting } from './with-upcasting.js';

const state = { customer: 'Ada', currency: 'EUR', items: 2 };

async function orderOfTwo(inner: InMemoryEventStore) {
  const actorId = newActor('snap');
  await inner.saveEvent(stored(actorId, 1, 'OrderPlaced', { customer: 'Ada' }));
  await inner.saveEvent(stored(actorId, 2, 'ItemAdded', { sku: 'tea', quantity: 2 }));
  return actorId;
}

const snapshotOf = (actorId: string, snapshotState: Record<string, unknown>) => ({
  actorId,
  version: 2,
  state: snapshotState,
  timestamp: new Date(1_700_000_000_000),
});

describe('snapshots through withUpcasting', () => {
  it('reads back a snapshot made under the same schema, from which loadState starts', async () => {
    const inner = new InMemoryEventStore();
    const store = withUpcasting(inner, orderUpcasters);
    const actorId = await orderOfTwo(inner);
    await store.saveSnapshot(snapshotOf(actorId, state));
    expect(await store.getLatestSnapshot(actorId)).toEqual(snapshotOf(actorId, state));
    const loaded = await loadState(store, actorId, evolve, emptyOrder);
    expect(loaded.snapshotVersion).toBe(2);
    expect(loaded.state).toEqual(state);
  });

  it('keeps the state in an envelope naming the schema it was made under', async () => {
    const inner = new InMemoryEventStore();
    const actorId = await orderOfTwo(inner);
    await withUpcasting(inner, orderUpcasters, { stateVersion: 7 }).saveSnapshot(snapshotOf(actorId, state));
    expect((await inner.getLatestSnapshot(actorId))?.state).toEqual({
      snapshotSchema: '{"stateVersion":7,"events":{"OrderPlaced":3}}',
      state,
    });
  });

  it('ignores a snapshot made under another state version: loadState replays the events', async () => {
    const inner = new InMemoryEventStore();
    const actorId = await orderOfTwo(inner);
    // The old reducer kept a differently shaped state.
    await withUpcasting(inner, orderUpcasters).saveSnapshot(snapshotOf(actorId, { who: 'Ada', count: 2 }));
    const store = withUpcasting(inner, orderUpcasters, { stateVersion: 2 });
    expect(await store.getLatestSnapshot(actorId)).toBeUndefined();
    const loaded = await loadState(store, actorId, evolve, emptyOrder);
    expect(loaded).toEqual({ state, version: 2, applied: 2, snapshotVersion: undefined });
  });

  it('ignores a snapshot made when an event type was at an older schema version', async () => {
    const inner = new InMemoryEventStore();
    const actorId = await orderOfTwo(inner);
    const before = defineUpcasters({
      OrderPlaced: upcast<{ customer: string }>().to(2, (v1) => ({ ...v1, currency: 'EUR' })),
    });
    await withUpcasting(inner, before).saveSnapshot(snapshotOf(actorId, { customer: 'Ada', items: 2 }));
    expect(await withUpcasting(inner, before).getLatestSnapshot(actorId)).toBeDefined();
    expect(await withUpcasting(inner, orderUpcasters).getLatestSnapshot(actorId)).toBeUndefined();
  });

  it('ignores a snapshot made without the wrapper, and one whose envelope is not its own', async () => {
    const inner = new InMemoryEventStore();
    const actorId = await orderOfTwo(inner);
    const store = withUpcasting(inner, orderUpcasters);
    await inner.saveSnapshot(snapshotOf(actorId, state));
    expect(await store.getLatestSnapshot(actorId)).toBeUndefined();
    await inner.saveSnapshot(snapshotOf(actorId, { snapshotSchema: 'something else', state }));
    expect(await store.getLatestSnapshot(actorId)).toBeUndefined();
    const schema = snapshotSchemaOf(orderUpcasters, 1);
    await inner.saveSnapshot(snapshotOf(actorId, { snapshotSchema: schema, state: 'not an object' }));
    expect(await store.getLatestSnapshot(actorId)).toBeUndefined();
  });

  it('does not depend on the order event types were registered in', async () => {
    const inner = new InMemoryEventStore();
    const actorId = await orderOfTwo(inner);
    const chain = () => upcast().to(2, (v1) => v1);
    await withUpcasting(inner, defineUpcasters({ A: chain(), B: chain() })).saveSnapshot(
      snapshotOf(actorId, state),
    );
    expect(
      await withUpcasting(inner, defineUpcasters({ B: chain(), A: chain() })).getLatestSnapshot(actorId),
    ).toEqual(snapshotOf(actorId, state));
  });

  it('refuses a malformed snapshot with the field named as without the wrapper, and stores nothing', async () => {
    const inner = new InMemoryEventStore();
    const actorId = await orderOfTwo(inner);
    const store = withUpcasting(inner, orderUpcasters);
    const error = await store
      .saveSnapshot(snapshotOf(actorId, { at: new Date() as never }))
      .catch((e: unknown) => e);
    expect(findValidationError(error)?.field).toBe('state.at');
    const ahead = await store
      .saveSnapshot({ ...snapshotOf(actorId, state), version: 3 })
      .catch((e: unknown) => e);
    expect(findValidationError(ahead)?.field).toBe('version');
    expect(await inner.getLatestSnapshot(actorId)).toBeUndefined();
  });
});
