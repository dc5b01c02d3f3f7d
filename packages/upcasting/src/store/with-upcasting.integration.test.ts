import { handleCommand } from '@aether/commands';
import { loadState, type RecordedEvent, type ReplayError } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { findUpcastingError } from '../errors/upcasting-error.js';
import { jetStreamStore } from '../test-support/jetstream.js';
import {
  emptyOrder,
  evolve,
  newActor,
  type Order,
  type OrderEvent,
  orderUpcasters,
  stored,
} from '../test-support/orders.js';
import { withUpcasting } from './with-upcasting.js';

const inner = await jetStreamStore('upcasting');
const store = withUpcasting(inner, orderUpcasters);

/** An order saved by four generations of code: v1, v2, a v4 this code does not know, and v3. */
async function generations() {
  const actorId = newActor('js');
  const tooNew = stored(actorId, 3, 'OrderPlaced', { buyer: { id: 7 } }, '4');
  await inner.saveEvent(stored(actorId, 1, 'OrderPlaced', { customer: 'Ada' }));
  await inner.saveEvent(stored(actorId, 2, 'OrderPlaced', { customer: 'Bo', currency: 'USD' }, '2'));
  await inner.saveEvent(tooNew);
  await store.saveEvents([
    stored(actorId, 4, 'OrderPlaced', { customer: { name: 'Cy' }, currency: 'GBP' }),
    stored(actorId, 5, 'ItemAdded', { sku: 'tea', quantity: 3 }),
  ]);
  return { actorId, tooNew };
}

describe('withUpcasting on JetStream', () => {
  it('reads current shapes only, reports the too-new event, and never rewrites the stream', async () => {
    const { actorId, tooNew } = await generations();
    const before = await inner.getEvents(actorId);
    const { events, errors } = await store.getEventsWithErrors(actorId);
    expect(events.map(({ version, data }) => [version, data])).toEqual([
      [1, { customer: { name: 'Ada' }, currency: 'EUR' }],
      [2, { customer: { name: 'Bo' }, currency: 'USD' }],
      [4, { customer: { name: 'Cy' }, currency: 'GBP' }],
      [5, { sku: 'tea', quantity: 3 }],
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain(`event "${tooNew.id}" of type "OrderPlaced" has schema version 4`);
    expect((await inner.getEvents(actorId))[3]?.metadata).toEqual({ schemaVersion: '3' });
    expect(await inner.getEvents(actorId)).toEqual(before);
  });

  it('readAll and subscribe report it with its stream sequence and go on', async () => {
    const head = await store.headPosition();
    const { actorId, tooNew } = await generations();
    const reported: ReplayError[] = [];
    const onReplayError = (error: ReplayError) => reported.push(error);
    const read = (await store.readAll({ after: head, onReplayError })).filter(
      ({ event }) => event.actorId === actorId,
    );
    expect(read.map(({ event }) => event.version)).toEqual([1, 2, 4, 5]);
    const followed: RecordedEvent[] = [];
    for await (const recorded of store.subscribe({
      after: head,
      live: false,
      actorPattern: actorId,
      onReplayError,
    })) {
      followed.push(recorded);
    }
    expect(followed).toEqual(read);
    expect(reported.map((error) => findUpcastingError(error)?.event?.eventId)).toEqual([
      tooNew.id,
      tooNew.id,
    ]);
    // The position of the too-new event: right after the second one's.
    const second = read[1]?.position ?? 0;
    expect(reported.map((error) => error.sequenceNumber)).toEqual([second + 1, second + 1]);
  });

  it('folds a mixed history as the same history written in v3', async () => {
    const mixed = newActor('mixed');
    const current = newActor('v3');
    await inner.saveEvent(stored(mixed, 1, 'OrderPlaced', { customer: 'Ada' }));
    await inner.saveEvent(stored(mixed, 2, 'ItemAdded', { sku: 'tea', quantity: 2 }));
    await inner.saveEvent(stored(mixed, 3, 'OrderPlaced', { customer: 'Bo', currency: 'USD' }, '2'));
    await store.saveEvent(stored(current, 1, 'OrderPlaced', { customer: { name: 'Ada' }, currency: 'EUR' }));
    await store.saveEvent(stored(current, 2, 'ItemAdded', { sku: 'tea', quantity: 2 }));
    await store.saveEvent(stored(current, 3, 'OrderPlaced', { customer: { name: 'Bo' }, currency: 'USD' }));
    const expected = await loadState(store, current, evolve, emptyOrder);
    expect(expected.state).toEqual({ customer: 'Bo', currency: 'USD', items: 2 });
    expect(await loadState(store, mixed, evolve, emptyOrder)).toEqual(expected);
  });

  it('ignores a KV snapshot made under another state version; handleCommand replays instead', async () => {
    const actorId = newActor('snap');
    await inner.saveEvent(stored(actorId, 1, 'OrderPlaced', { customer: 'Ada' }));
    await store.saveSnapshot({ actorId, version: 1, state: { who: 'Ada' }, timestamp: new Date() });
    const next = withUpcasting(inner, orderUpcasters, { stateVersion: 2 });
    expect(await next.getLatestSnapshot(actorId)).toBeUndefined();
    const result = await handleCommand<Order, { quantity: number }, OrderEvent>(
      next,
      actorId,
      { quantity: 4 },
      {
        initialState: () => emptyOrder,
        evolve,
        decide: (command) => [{ eventType: 'ItemAdded', data: { sku: 'fig', quantity: command.quantity } }],
      },
      { snapshotEvery: 1 },
    );
    expect(result.state).toEqual({ customer: 'Ada', currency: 'EUR', items: 4 });
    expect(await next.getLatestSnapshot(actorId)).toMatchObject({ version: 2, state: result.state });
    expect(await store.getLatestSnapshot(actorId)).toBeUndefined();
  });
});
