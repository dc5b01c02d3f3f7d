import type { ActorSnapshot } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { type OrderCommand, orderDecider } from '../test-support/domain/order.js';
import { HookedStore } from '../test-support/hooked-store.js';
import { handleCommand } from './handle-command.js';

const add = (sku: string): OrderCommand => ({ type: 'AddItem', sku, quantity: 1 });

/** Records when each snapshot read starts and lets the test hold it until it is released. */
class SlowSnapshots extends HookedStore {
  readonly calls: string[] = [];
  hold = false;
  #release: Array<() => void> = [];

  override async getLatestSnapshot(actorId: string): Promise<ActorSnapshot | undefined> {
    this.calls.push('snapshot');
    if (this.hold) await new Promise<void>((resolve) => this.#release.push(resolve));
    return super.getLatestSnapshot(actorId);
  }

  override async getEvents(actorId: string, fromVersion?: number) {
    this.calls.push(`events from ${fromVersion ?? 1}`);
    return super.getEvents(actorId, fromVersion);
  }

  release(): void {
    for (const resolve of this.#release.splice(0)) resolve();
  }
}

describe('handleCommand loading an actor from a store that keeps snapshots', () => {
  it('reads the snapshot and all events at the same time the first time, without snapshotEvery', async () => {
    const store = new SlowSnapshots();
    store.hold = true;

    const pending = handleCommand(store, 'order-1', add('A'), orderDecider);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.calls).toEqual(['snapshot', 'events from 1']);
    store.release();
    await expect(pending).resolves.toMatchObject({ version: 1, state: { items: 1 } });
  });

  it('reads the snapshot first the first time with snapshotEvery, then both together', async () => {
    const store = new SlowSnapshots();
    store.hold = true;
    const first = handleCommand(store, 'order-1', add('A'), orderDecider, { snapshotEvery: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.calls).toEqual(['snapshot']);
    store.release();
    await first;
    store.calls.length = 0;

    const pending = handleCommand(store, 'order-1', add('B'), orderDecider, { snapshotEvery: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    // The events were asked for while the snapshot read was still held back.
    expect(store.calls).toEqual(['snapshot', 'events from 2']);
    store.release();
    await expect(pending).resolves.toMatchObject({ version: 2, state: { items: 2 }, snapshotVersion: 2 });
  });

  it('uses a newer snapshot another writer saved, skipping the events it covers', async () => {
    const store = new HookedStore();
    await handleCommand(store, 'order-1', add('A'), orderDecider);
    await handleCommand(store, 'order-1', add('B'), orderDecider);
    await store.saveSnapshot({
      actorId: 'order-1',
      version: 2,
      state: { status: 'new', customer: '', items: 2, lines: ['from the snapshot'] },
      timestamp: new Date(),
    });

    const result = await handleCommand(store, 'order-1', add('C'), orderDecider);
    expect(result.state).toMatchObject({ items: 3, lines: ['from the snapshot'] });
    expect(store.reads.at(-1)).toEqual({ actorId: 'order-1', fromVersion: 1 });
  });

  it('reads again from the start when the snapshot it saw is gone', async () => {
    const store = new SlowSnapshots();
    for (const sku of ['A', 'B'])
      await handleCommand(store, 'order-1', add(sku), orderDecider, { snapshotEvery: 2 });
    store.calls.length = 0;
    // As a store that lost its snapshots would answer.
    store.getLatestSnapshot = async () => undefined;

    const result = await handleCommand(store, 'order-1', add('C'), orderDecider);
    expect(result).toMatchObject({ version: 3, state: { items: 3 } });
    expect(store.calls).toEqual(['events from 3', 'events from 1']);
  });

  it('hands back a failed read, leaving no unhandled rejection when both reads fail', async () => {
    const store = new HookedStore();
    const snapshotDown = new Error('snapshot bucket unreachable');
    store.getLatestSnapshot = () => Promise.reject(snapshotDown);
    store.getEvents = () => Promise.reject(new Error('stream unreachable'));
    await expect(handleCommand(store, 'order-1', add('A'), orderDecider)).rejects.toBe(snapshotDown);
    // Vitest fails the run on an unhandled rejection: give one the chance to surface.
    await new Promise((resolve) => setImmediate(resolve));
  });
});
