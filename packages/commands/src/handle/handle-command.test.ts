import { isValidationError, ValidationError } from '@aether/core';
import { RetryExhaustedError, RetryThrashingError } from '@aether/retry';
import { InMemoryEventStore } from '@aether/store-memory';
import { describe, expect, it } from 'vitest';
import { type OrderCommand, OrderShippedError, orderDecider } from '../test-support/domain/order.js';
import { predictable } from '../test-support/fixed-ids.js';
import { HookedStore } from '../test-support/hooked-store.js';
import { handleCommand } from './handle-command.js';

const place: OrderCommand = { type: 'PlaceOrder', customer: 'Ada' };
const addTea: OrderCommand = { type: 'AddItem', sku: 'TEA', quantity: 2 };

describe('handleCommand', () => {
  it('stamps each new event: id, actor, next version, timestamp, correlation and causation ids', async () => {
    const store = new InMemoryEventStore();
    const { newId, clock } = predictable();
    await handleCommand(store, 'order-1', place, orderDecider, { newId, clock });
    const result = await handleCommand(store, 'order-1', addTea, orderDecider, {
      newId,
      clock,
      commandId: 'cmd-7',
      correlationId: 'checkout-3',
      metadata: { user: 'ada' },
    });
    const expected = {
      id: 'id-3', // id-1: the first command's id, id-2: its event
      eventType: 'ItemAdded',
      actorId: 'order-1',
      version: 2,
      data: { sku: 'TEA', quantity: 2 },
      timestamp: new Date(Date.UTC(2026, 0, 1)),
      metadata: { user: 'ada', correlationId: 'checkout-3', causationId: 'cmd-7' },
    };
    expect(result.events).toEqual([expected]);
    expect(await store.getEvents('order-1', 2)).toEqual([expected]);
    expect(result).toMatchObject({ version: 2, attempts: 1, state: { status: 'placed', items: 2 } });
  });

  it('generates the command id, and uses it as correlation and causation id when none is given', async () => {
    const store = new InMemoryEventStore();
    const { newId, clock } = predictable();
    const { events } = await handleCommand(store, 'order-1', place, orderDecider, { newId, clock });
    expect(events[0]?.metadata).toEqual({ correlationId: 'id-1', causationId: 'id-1' });
    expect(events[0]?.id).toBe('id-2');
  });

  it('takes correlation and causation ids from the metadata passed in', async () => {
    const store = new InMemoryEventStore();
    const metadata = { correlationId: 'c-1', causationId: 'e-9' };
    const { events } = await handleCommand(store, 'order-1', place, orderDecider, { metadata });
    expect(events[0]?.metadata).toEqual(metadata);
  });

  it('makes UUID v7 ids from the clock by default', async () => {
    const store = new InMemoryEventStore();
    const { clock } = predictable(0x0123456789ab);
    const { events } = await handleCommand(store, 'order-1', place, orderDecider, { clock });
    expect(events[0]?.id).toMatch(/^01234567-89ab-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('appends the events of one decision with one saveEvents call, at consecutive versions', async () => {
    const store = new HookedStore();
    const command: OrderCommand = { type: 'PlaceAndAdd', customer: 'Ada', sku: 'TEA' };
    const result = await handleCommand(store, 'order-1', command, orderDecider);
    expect(store.saves).toHaveLength(1);
    expect(store.saves[0]?.map((event) => event.version)).toEqual([1, 2]);
    const log = await store.readAll();
    expect(log.map(({ position }) => position)).toEqual([1, 1]); // one batch: one position
    expect(result).toMatchObject({ version: 2, state: { status: 'placed', items: 1 } });
  });

  it('stores nothing for a decision with no events, and returns the current state', async () => {
    const store = new HookedStore();
    await handleCommand(store, 'order-1', place, orderDecider);
    const result = await handleCommand(store, 'order-1', place, orderDecider); // placed already
    expect(result).toEqual({
      state: { status: 'placed', customer: 'Ada', items: 0, lines: [] },
      version: 1,
      events: [],
      attempts: 1,
    });
    expect(store.saves).toHaveLength(1);
  });

  it('hands back a domain error from decide untouched, and never retries it', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'order-1', { type: 'Ship', carrier: 'DHL' }, orderDecider);
    let decided = 0;
    const counting = {
      ...orderDecider,
      decide: (...args: Parameters<typeof orderDecider.decide>) => {
        decided++;
        return orderDecider.decide(...args);
      },
    };
    const failure = handleCommand(store, 'order-1', addTea, counting, { retry: { retryOn: () => true } });
    await expect(failure).rejects.toBeInstanceOf(OrderShippedError);
    await expect(failure).rejects.toMatchObject({ reason: 'cannot AddItem' });
    expect(decided).toBe(1);
    expect(await store.getLatestVersion('order-1')).toBe(1);
  });

  it('hands back an async decide rejection and an evolve error untouched', async () => {
    const store = new InMemoryEventStore();
    const refusal = new Error('no');
    const rejecting = { ...orderDecider, decide: async () => Promise.reject(refusal) };
    await expect(handleCommand(store, 'a', place, rejecting)).rejects.toBe(refusal);
    await handleCommand(store, 'b', place, orderDecider);
    const broken = new Error('bad evolve');
    const throwing = {
      ...orderDecider,
      evolve: () => {
        throw broken;
      },
    };
    await expect(
      handleCommand(store, 'b', addTea, throwing, { retry: { retryOn: () => true } }),
    ).rejects.toBe(broken);
  });

  it('reloads and decides again after a version conflict, on the fresh state', async () => {
    const store = new HookedStore();
    await handleCommand(store, 'order-1', place, orderDecider);
    // Another writer adds an item between this writer's load and its save, once.
    store.beforeSave = async () => {
      store.beforeSave = undefined;
      await handleCommand(store, 'order-1', { type: 'AddItem', sku: 'JAM', quantity: 1 }, orderDecider);
    };
    const retried: number[] = [];
    const { clock } = predictable();
    const result = await handleCommand(store, 'order-1', addTea, orderDecider, {
      clock,
      retry: { onRetry: (attempt) => retried.push(attempt) },
    });
    expect(result).toMatchObject({ version: 3, attempts: 2, state: { items: 3 } });
    expect(retried).toEqual([1]);
    const stored = await store.getEvents('order-1');
    expect(stored.map((event) => [event.version, event.data])).toEqual([
      [1, { customer: 'Ada' }],
      [2, { sku: 'JAM', quantity: 1 }],
      [3, { sku: 'TEA', quantity: 2 }],
    ]);
  });

  it('passes the retry options through: maxAttempts ends with RetryExhaustedError', async () => {
    const store = new HookedStore();
    // Before each save, another writer takes the version this one is about to write.
    store.beforeSave = (events) =>
      store.saveDirect(events.map((event) => ({ ...event, id: `other-${event.id}` })));
    const attempt = handleCommand(store, 'order-1', addTea, orderDecider, {
      retry: { maxAttempts: 2 },
      clock: predictable().clock,
    });
    await expect(attempt).rejects.toBeInstanceOf(RetryExhaustedError);
    await expect(attempt).rejects.toMatchObject({ attempts: 2 });
    expect(store.saves).toHaveLength(2);
  });

  it('keeps thrash detection: a reader stuck on old events stops with RetryThrashingError', async () => {
    const store = new HookedStore();
    await handleCommand(store, 'order-1', place, orderDecider);
    await handleCommand(store, 'order-1', addTea, orderDecider);
    store.staleEvents = (await store.getEvents('order-1')).slice(0, 1); // always sees version 1
    const attempt = handleCommand(store, 'order-1', addTea, orderDecider, {
      retry: { maxAttempts: 10 },
      clock: predictable().clock,
    });
    await expect(attempt).rejects.toBeInstanceOf(RetryThrashingError);
    await expect(attempt).rejects.toMatchObject({ attempts: 3, currentVersion: 2 });
  });

  it.each([
    ['not an array', () => ({ eventType: 'OrderPlaced', data: {} }), 'decision'],
    ['an entry without eventType', () => [{ data: {} }], 'decision[0].eventType'],
    ['data that is not an object', () => [{ eventType: 'X', data: 5 }], 'decision[0].data'],
    ['an entry that is null', () => [{ eventType: 'X', data: {} }, null], 'decision[1]'],
    ['data that is not JSON', () => [{ eventType: 'X', data: { at: () => 1 } }], 'events[0].data.at'],
  ])(
    'refuses a decision that is %s with a ValidationError naming it, storing nothing',
    async (_name, decide, field) => {
      const store = new HookedStore();
      const decider = { ...orderDecider, decide: decide as never };
      const attempt = handleCommand(store, 'order-1', place, decider, { retry: { retryOn: () => true } });
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
      await expect(attempt).rejects.toMatchObject({ field });
      expect(await store.getLatestVersion('order-1')).toBe(0);
      expect(store.saves.length).toBeLessThanOrEqual(1); // never retried
    },
  );

  it('refuses snapshotEvery below 1 before doing anything', async () => {
    const store = new HookedStore();
    const attempt = handleCommand(store, 'order-1', place, orderDecider, { snapshotEvery: 0 });
    await expect(attempt).rejects.toSatisfy(isValidationError);
    expect(store.reads).toEqual([]);
  });
});
