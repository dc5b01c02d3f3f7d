import { describe, expect, it } from 'vitest';
import { type OrderCommand, orderDecider } from '../test-support/domain/order.js';
import { predictable } from '../test-support/fixed-ids.js';
import { HookedStore } from '../test-support/hooked-store.js';
import { handleCommand } from './handle-command.js';

const add = (sku: string): OrderCommand => ({ type: 'AddItem', sku, quantity: 1 });

describe('handleCommand with snapshotEvery', () => {
  it('saves a snapshot once N events were added since the last one, and loads from it', async () => {
    const store = new HookedStore();
    const { clock } = predictable();
    const snapshotVersions: Array<number | undefined> = [];
    for (const sku of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) {
      const result = await handleCommand(store, 'order-1', add(sku), orderDecider, {
        snapshotEvery: 3,
        clock,
      });
      snapshotVersions.push(result.snapshotVersion);
    }
    expect(snapshotVersions).toEqual([undefined, undefined, 3, undefined, undefined, 6, undefined]);
    const snapshot = await store.getLatestSnapshot('order-1');
    expect(snapshot).toMatchObject({ version: 6, state: { items: 6 }, timestamp: new Date(clock.now()) });
    // The last command read only the events after the snapshot.
    expect(store.reads.at(-1)).toEqual({ actorId: 'order-1', fromVersion: 7 });
  });

  it('counts a decision with several events once, from the version it was loaded at', async () => {
    const store = new HookedStore();
    const both: OrderCommand = { type: 'PlaceAndAdd', customer: 'Ada', sku: 'TEA' };
    const result = await handleCommand(store, 'order-1', both, orderDecider, { snapshotEvery: 2 });
    expect(result.snapshotVersion).toBe(2);
    expect((await store.getLatestSnapshot('order-1'))?.state).toEqual(result.state);
  });

  it('saves no snapshot without snapshotEvery', async () => {
    const store = new HookedStore();
    for (let n = 0; n < 5; n++) await handleCommand(store, 'order-1', add('A'), orderDecider);
    expect(await store.getLatestSnapshot('order-1')).toBeUndefined();
  });

  it('never fails the command when the snapshot cannot be saved: onSnapshotError sees why', async () => {
    const store = new HookedStore();
    const failure = new Error('snapshot bucket is full');
    store.saveSnapshot = async () => Promise.reject(failure);
    const seen: unknown[] = [];
    const result = await handleCommand(store, 'order-1', add('A'), orderDecider, {
      snapshotEvery: 1,
      onSnapshotError: (error) => seen.push(error),
    });
    expect(result).toMatchObject({ version: 1, events: [{ version: 1 }] });
    expect(result.snapshotVersion).toBeUndefined();
    expect(seen).toEqual([failure]);
  });
});
