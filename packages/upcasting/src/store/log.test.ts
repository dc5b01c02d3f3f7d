import type { RecordedEvent, ReplayError } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { describe, expect, it } from 'vitest';
import { findUpcastingError } from '../errors/upcasting-error.js';
import { newActor, orderUpcasters, stored } from '../test-support/orders.js';
import { withUpcasting } from './with-upcasting.js';

const v3 = (name: string) => ({ customer: { name }, currency: 'EUR' });

/** Positions 1-5: v1, v4 (too new), a batch of v2 + item, v4 (too new), v3. */
async function mixedLog() {
  const inner = new InMemoryEventStore();
  const actors = [newActor('a'), newActor('b'), newActor('c'), newActor('d'), newActor('e')] as const;
  await inner.saveEvent(stored(actors[0], 1, 'OrderPlaced', { customer: 'Ada' }));
  const tooNew = stored(actors[1], 1, 'OrderPlaced', { buyer: 'Bo' }, '4');
  await inner.saveEvent(tooNew);
  await inner.saveEvents([
    stored(actors[2], 1, 'OrderPlaced', { customer: 'Cy', currency: 'EUR' }, '2'),
    stored(actors[2], 2, 'ItemAdded', { sku: 'tea', quantity: 1 }),
  ]);
  const tooNewToo = stored(actors[3], 1, 'OrderPlaced', { buyer: 'Di' }, '5');
  await inner.saveEvent(tooNewToo);
  await inner.saveEvent(stored(actors[4], 1, 'OrderPlaced', v3('Ed'), '3'));
  return { inner, store: withUpcasting(inner, orderUpcasters), tooNew, tooNewToo };
}

const summary = (read: RecordedEvent[]) =>
  read.map(({ event, position }) => [position, event.eventType, event.data]);

describe('the log through withUpcasting', () => {
  it('readAll hands out current shapes with their positions; reported events are left out', async () => {
    const { store, tooNew, tooNewToo } = await mixedLog();
    const reported: ReplayError[] = [];
    const read = await store.readAll({ onReplayError: (error) => reported.push(error) });
    expect(summary(read)).toEqual([
      [1, 'OrderPlaced', v3('Ada')],
      [3, 'OrderPlaced', v3('Cy')],
      [3, 'ItemAdded', { sku: 'tea', quantity: 1 }],
      [5, 'OrderPlaced', v3('Ed')],
    ]);
    expect(
      reported.map((error) => [error.sequenceNumber, findUpcastingError(error)?.event?.eventId]),
    ).toEqual([
      [2, tooNew.id],
      [4, tooNewToo.id],
    ]);
    expect(reported[0]?.message).toContain(`event "${tooNew.id}" of type "OrderPlaced" has schema version 4`);
  });

  it('readAll without onReplayError rejects with the ReplayError, as the log contract says', async () => {
    const { store, tooNew } = await mixedLog();
    const error = await store.readAll().then(
      () => undefined,
      (rejected: unknown) => rejected as ReplayError,
    );
    expect(error?.code).toBe('REPLAY_ERROR');
    expect(error?.sequenceNumber).toBe(2);
    expect(findUpcastingError(error)?.event?.eventId).toBe(tooNew.id);
    // Before the bad event, reading works.
    expect(summary(await store.readAll({ limit: 1 }))).toEqual([[1, 'OrderPlaced', v3('Ada')]]);
  });

  it('readAll with a limit reads on past left-out events, so a page of them never reads as the head', async () => {
    const { store } = await mixedLog();
    const ignore = () => undefined;
    // The store's first page of 2 holds one event the wrapper leaves out: it reads on.
    expect(summary(await store.readAll({ limit: 2, onReplayError: ignore }))).toEqual([
      [1, 'OrderPlaced', v3('Ada')],
    ]);
    // After position 1 the store's page is the too-new event alone; the next holds the batch.
    expect(summary(await store.readAll({ after: 1, limit: 1, onReplayError: ignore }))).toEqual([
      [3, 'OrderPlaced', v3('Cy')],
      [3, 'ItemAdded', { sku: 'tea', quantity: 1 }],
    ]);
    expect(summary(await store.readAll({ after: 3, limit: 1, onReplayError: ignore }))).toEqual([
      [5, 'OrderPlaced', v3('Ed')],
    ]);
    expect(await store.readAll({ after: 5, limit: 1, onReplayError: ignore })).toEqual([]);
  });

  it('readAll keeps the events saved together whole, and stops before a batch past the limit', async () => {
    const { store } = await mixedLog();
    const read = await store.readAll({ limit: 2, after: 0, onReplayError: () => undefined });
    // Position 1 (one event), then the batch at 3 (two events) would pass the limit of 2.
    expect(read.map(({ position }) => position)).toEqual([1]);
  });

  it('headPosition is the store’s', async () => {
    const { store } = await mixedLog();
    expect(await store.headPosition()).toBe(5);
  });

  it('subscribe delivers current shapes, reports what it cannot upcast and goes on', async () => {
    const { store, inner, tooNewToo } = await mixedLog();
    const reported: ReplayError[] = [];
    const subscription = store.subscribe({ onReplayError: (error) => reported.push(error) });
    const seen: RecordedEvent[] = [];
    for await (const recorded of subscription) {
      seen.push(recorded);
      if (recorded.position === 5) {
        await inner.saveEvent(stored(newActor('live'), 1, 'OrderPlaced', { customer: 'Fay' }));
      }
      if (recorded.position === 6) break;
    }
    expect(summary(seen).map(([position, , data]) => [position, data])).toEqual([
      [1, v3('Ada')],
      [3, v3('Cy')],
      [3, { sku: 'tea', quantity: 1 }],
      [5, v3('Ed')],
      [6, v3('Fay')],
    ]);
    expect(reported.map((error) => error.sequenceNumber)).toEqual([2, 4]);
    expect(findUpcastingError(reported[1])?.event?.eventId).toBe(tooNewToo.id);
    expect(await subscription.caughtUp).toBe(5);
  });

  it('subscribe without onReplayError throws the ReplayError from the iteration and ends', async () => {
    const { store } = await mixedLog();
    const subscription = store.subscribe({ live: false });
    const seen: number[] = [];
    const iterate = async () => {
      for await (const { position } of subscription) seen.push(position);
    };
    await expect(iterate()).rejects.toMatchObject({ code: 'REPLAY_ERROR', sequenceNumber: 2 });
    expect(seen).toEqual([1]);
  });

  it('subscribe filters by event type and actor as the store does', async () => {
    const { store } = await mixedLog();
    const subscription = store.subscribe({ eventTypes: ['ItemAdded'], live: false });
    const seen: RecordedEvent[] = [];
    for await (const recorded of subscription) seen.push(recorded);
    expect(summary(seen)).toEqual([[3, 'ItemAdded', { sku: 'tea', quantity: 1 }]]);
  });

  it('subscribe checks its options at once, as the store does', () => {
    const store = withUpcasting(new InMemoryEventStore(), orderUpcasters);
    expect(() => store.subscribe({ after: -1 })).toThrow('invalid after');
  });

  it('close() ends the subscription', async () => {
    const { store } = await mixedLog();
    const subscription = store.subscribe({ after: 'end' });
    const iterating = (async () => {
      const seen: RecordedEvent[] = [];
      for await (const recorded of subscription) seen.push(recorded);
      return seen;
    })();
    await subscription.caughtUp;
    await subscription.close();
    expect(await iterating).toEqual([]);
  });
});
