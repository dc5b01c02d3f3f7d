import type { AnyEvent } from '@aether/core';
import { findValidationError } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { describe, expect, it } from 'vitest';
import { newActor, orderUpcasters, stored } from '../test-support/orders.js';
import { withUpcasting } from './with-upcasting.js';

const v3Placed = { customer: { name: 'Ada' }, currency: 'EUR' };

async function rejection(save: Promise<void>) {
  try {
    await save;
  } catch (error) {
    const found = findValidationError(error);
    if (found === undefined) throw error;
    return found;
  }
  throw new Error('the save did not fail');
}

describe('saving through withUpcasting', () => {
  it('stamps the current schema version into the stored event’s metadata', async () => {
    const inner = new InMemoryEventStore();
    const store = withUpcasting(inner, orderUpcasters);
    const actor = newActor('stamp');
    const placed = { ...stored(actor, 1, 'OrderPlaced', v3Placed), metadata: { correlationId: 'c-1' } };
    await store.saveEvent(placed);
    const [kept] = await inner.getEvents(actor);
    expect(kept?.metadata).toEqual({ correlationId: 'c-1', schemaVersion: '3' });
    expect(kept?.data).toEqual(v3Placed);
  });

  it('stores events of a type at version 1 exactly as given, without a stamp', async () => {
    const inner = new InMemoryEventStore();
    const actor = newActor('v1');
    const added = stored(actor, 1, 'ItemAdded', { sku: 'tea', quantity: 2 });
    await withUpcasting(inner, orderUpcasters).saveEvent(added);
    expect(await inner.getEvents(actor)).toEqual([added]);
  });

  it('stamps every event of a batch, which stays one position of the log', async () => {
    const inner = new InMemoryEventStore();
    const actor = newActor('batch');
    await withUpcasting(inner, orderUpcasters).saveEvents([
      stored(actor, 1, 'OrderPlaced', v3Placed),
      stored(actor, 2, 'ItemAdded', { sku: 'tea', quantity: 1 }),
    ]);
    const log = await inner.readAll();
    expect(log.map(({ event, position }) => [position, event.metadata])).toEqual([
      [1, { schemaVersion: '3' }],
      [1, undefined],
    ]);
  });

  it('accepts an event that already carries the current version', async () => {
    const inner = new InMemoryEventStore();
    const actor = newActor('given');
    await withUpcasting(inner, orderUpcasters).saveEvent(stored(actor, 1, 'OrderPlaced', v3Placed, '3'));
    expect((await inner.getEvents(actor))[0]?.metadata).toEqual({ schemaVersion: '3' });
  });

  it.each([
    ['an older version', 'OrderPlaced', '2', '"2", but "OrderPlaced" is at schema version 3'],
    ['a newer version', 'OrderPlaced', '4', '"4", but "OrderPlaced" is at schema version 3'],
    ['a version on a type at 1', 'ItemAdded', '2', '"2", but "ItemAdded" is at schema version 1'],
  ])('refuses an event stamped with %s, and stores nothing', async (_label, eventType, version, says) => {
    const inner = new InMemoryEventStore();
    const store = withUpcasting(inner, orderUpcasters);
    const actor = newActor('refused');
    const error = await rejection(store.saveEvent(stored(actor, 1, eventType, {}, version)));
    expect(error.field).toBe('metadata.schemaVersion');
    expect(error.message).toBe(
      `invalid metadata.schemaVersion: is ${says} in this code: save events in their current shape, ` +
        'and leave schemaVersion out (it is stamped for you)',
    );
    expect(await inner.getLatestVersion(actor)).toBe(0);
    expect(await inner.headPosition()).toBe(0);
  });

  it('refuses a batch with one wrongly stamped event, naming it, and stores none of it', async () => {
    const inner = new InMemoryEventStore();
    const actor = newActor('batch-refused');
    const error = await rejection(
      withUpcasting(inner, orderUpcasters).saveEvents([
        stored(actor, 1, 'ItemAdded', { sku: 'tea', quantity: 1 }),
        stored(actor, 2, 'OrderPlaced', {}, '1'),
      ]),
    );
    expect(error.field).toBe('events[1].metadata.schemaVersion');
    expect(await inner.getLatestVersion(actor)).toBe(0);
  });

  it('leaves malformed events to the store, whose errors name the field as always', async () => {
    const store = withUpcasting(new InMemoryEventStore(), orderUpcasters);
    const actor = newActor('malformed');
    const noData = { ...stored(actor, 1, 'OrderPlaced', {}), data: null } as unknown as AnyEvent;
    expect((await rejection(store.saveEvent(noData))).field).toBe('data');
    expect((await rejection(store.saveEvent(null as never))).field).toBe('event');
    const badMetadata = { ...stored(actor, 1, 'OrderPlaced', {}), metadata: 'x' } as unknown as AnyEvent;
    expect((await rejection(store.saveEvent(badMetadata))).field).toBe('metadata');
    expect((await rejection(store.saveEvents([stored(actor, 1, 'OrderPlaced', {}), noData]))).field).toBe(
      'events[1].data',
    );
    expect(await store.getLatestVersion(actor)).toBe(0);
  });

  it('rejects, never throws synchronously', () => {
    const store = withUpcasting(new InMemoryEventStore(), orderUpcasters);
    const save = store.saveEvent(stored('a', 1, 'OrderPlaced', {}, '9'));
    expect(save).toBeInstanceOf(Promise);
    return expect(save).rejects.toThrow('invalid metadata.schemaVersion');
  });
});
