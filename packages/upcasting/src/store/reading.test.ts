import { type EventStore, isSnapshotStore, loadState, type ReplayError } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { describe, expect, it } from 'vitest';
import { findUpcastingError } from '../errors/upcasting-error.js';
import { emptyOrder, evolve, newActor, orderUpcasters, stored } from '../test-support/orders.js';
import { withUpcasting } from './with-upcasting.js';

const v3Placed = { customer: { name: 'Ada' }, currency: 'EUR' };

/** An actor saved by three generations of code: v1, v2 and a v4 this code does not know. */
async function historyWithTooNew(inner: EventStore) {
  const actor = newActor('read');
  const v1 = stored(actor, 1, 'OrderPlaced', { customer: 'Ada' });
  const item = stored(actor, 2, 'ItemAdded', { sku: 'tea', quantity: 2 });
  const v4 = stored(actor, 3, 'OrderPlaced', { buyer: 'Ada' }, '4');
  const v2 = stored(actor, 4, 'OrderPlaced', { customer: 'Grace', currency: 'USD' }, '2');
  for (const event of [v1, item, v4, v2]) await inner.saveEvent(event);
  return { actor, v1, item, v4, v2 };
}

function expectTooNew(error: ReplayError | undefined, id: string, sequenceNumber: number) {
  expect(error?.code).toBe('REPLAY_ERROR');
  expect(error?.sequenceNumber).toBe(sequenceNumber);
  expect(error?.message).toContain(`event "${id}" of type "OrderPlaced" has schema version 4`);
  const cause = findUpcastingError(error, 'SCHEMA_VERSION_UNKNOWN');
  expect(cause?.event?.eventId).toBe(id);
  expect(cause?.event?.schemaVersion).toBe('4');
  expect(JSON.parse(new TextDecoder().decode(error?.rawData)).id).toBe(id);
}

describe('reading an actor through withUpcasting', () => {
  it('getEvents hands out current shapes only, and leaves out an event it cannot upcast', async () => {
    const inner = new InMemoryEventStore();
    const { actor, v1, item, v2 } = await historyWithTooNew(inner);
    const events = await withUpcasting(inner, orderUpcasters).getEvents(actor);
    expect(events.map((event) => [event.id, event.data])).toEqual([
      [v1.id, v3Placed],
      [item.id, item.data],
      [v2.id, { customer: { name: 'Grace' }, currency: 'USD' }],
    ]);
  });

  it('getEventsWithErrors reports the too-new event as a ReplayError, and reads the others', async () => {
    const inner = new InMemoryEventStore();
    const { actor, v4 } = await historyWithTooNew(inner);
    const { events, errors } = await withUpcasting(inner, orderUpcasters).getEventsWithErrors(actor);
    expect(events.map((event) => event.version)).toEqual([1, 2, 4]);
    expect(errors).toHaveLength(1);
    // An actor read knows no positions: 0, with the event named in the cause.
    expectTooNew(errors[0], v4.id, 0);
  });

  it('reads from a version on, as the store does', async () => {
    const inner = new InMemoryEventStore();
    const { actor } = await historyWithTooNew(inner);
    const store = withUpcasting(inner, orderUpcasters);
    expect((await store.getEvents(actor, 2)).map((event) => event.version)).toEqual([2, 4]);
    expect((await store.getEventsWithErrors(actor, 4)).errors).toEqual([]);
  });

  it('never rewrites what is stored', async () => {
    const inner = new InMemoryEventStore();
    const { actor } = await historyWithTooNew(inner);
    const before = await inner.getEvents(actor);
    const store = withUpcasting(inner, orderUpcasters);
    await store.getEvents(actor);
    await store.getEventsWithErrors(actor);
    await loadState(store, actor, evolve, emptyOrder);
    expect(await inner.getEvents(actor)).toEqual(before);
  });

  it('gives a store without getEventsWithErrors one, reporting what it cannot upcast', async () => {
    const inner = new InMemoryEventStore();
    const { actor, v4 } = await historyWithTooNew(inner);
    const plain: EventStore = {
      saveEvent: (event) => inner.saveEvent(event),
      saveEvents: (events) => inner.saveEvents(events),
      getEvents: (actorId, from) => inner.getEvents(actorId, from),
      getLatestVersion: (actorId) => inner.getLatestVersion(actorId),
    };
    const store = withUpcasting(plain, orderUpcasters);
    const { events, errors } = await store.getEventsWithErrors(actor);
    expect(events).toHaveLength(3);
    expectTooNew(errors[0], v4.id, 0);
    // Nothing the store does not have: loadState finds no snapshots to look for.
    expect(isSnapshotStore(store)).toBe(false);
    expect('readAll' in store).toBe(false);
  });

  it('keeps the store’s own errors and rejected writes, and adds its own after them', async () => {
    const inner = new InMemoryEventStore();
    const { actor } = await historyWithTooNew(inner);
    const reporting = Object.assign(Object.create(inner) as InMemoryEventStore, {
      getEventsWithErrors: async (actorId: string) => {
        const read = await inner.getEventsWithErrors(actorId);
        return { ...read, errors: [stub], rejected: [{ sequenceNumber: 9, eventId: 'lost', version: 3 }] };
      },
    });
    const stub = { code: 'REPLAY_ERROR', sequenceNumber: 5 } as unknown as ReplayError;
    const read = await withUpcasting(reporting, orderUpcasters).getEventsWithErrors(actor);
    expect(read.errors[0]).toBe(stub);
    expect(read.errors).toHaveLength(2);
    expect(findUpcastingError(read.errors[1])?.code).toBe('SCHEMA_VERSION_UNKNOWN');
    expect(read.rejected).toEqual([{ sequenceNumber: 9, eventId: 'lost', version: 3 }]);
  });

  it('passes getLatestVersion through: the too-new event still counts', async () => {
    const inner = new InMemoryEventStore();
    const { actor } = await historyWithTooNew(inner);
    expect(await withUpcasting(inner, orderUpcasters).getLatestVersion(actor)).toBe(4);
  });

  it('refuses a stateVersion that is not a safe integer >= 1', () => {
    for (const stateVersion of [0, 1.5, Number.NaN]) {
      expect(() => withUpcasting(new InMemoryEventStore(), orderUpcasters, { stateVersion })).toThrow(
        'invalid stateVersion: must be a safe integer >= 1',
      );
    }
  });
});
