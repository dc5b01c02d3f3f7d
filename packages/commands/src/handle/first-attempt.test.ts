import { isVersionConflict, VersionConflictError } from '@aether/core';
import { RetryAbortedError, RetryExhaustedError } from '@aether/retry';
import { describe, expect, it } from 'vitest';
import { type OrderCommand, orderDecider } from '../test-support/domain/order.js';
import { predictable } from '../test-support/fixed-ids.js';
import { HookedStore } from '../test-support/hooked-store.js';
import { handleCommand } from './handle-command.js';

const place: OrderCommand = { type: 'PlaceOrder', customer: 'Ada' };
const addTea: OrderCommand = { type: 'AddItem', sku: 'TEA', quantity: 2 };

/** A store where another writer takes the version this one is about to write, before each of its saves. */
function alwaysOvertaken() {
  const store = new HookedStore();
  store.beforeSave = (events) =>
    store.saveDirect(events.map((event) => ({ ...event, id: `other-${event.id}` })));
  return store;
}

// Without `retry` options the first attempt runs on its own; these pin that a failure then goes
// through `retry` exactly as if it had run that attempt too.
describe('handleCommand with the default retry policy', () => {
  it('retries a conflict of the first attempt on the fresh state, waiting on the command clock', async () => {
    const store = new HookedStore();
    await handleCommand(store, 'order-1', place, orderDecider);
    store.beforeSave = async () => {
      store.beforeSave = undefined;
      await handleCommand(store, 'order-1', { type: 'AddItem', sku: 'JAM', quantity: 1 }, orderDecider);
    };
    const { clock } = predictable();
    const result = await handleCommand(store, 'order-1', addTea, orderDecider, { clock });
    expect(result).toMatchObject({ version: 3, attempts: 2, state: { items: 3 } });
    expect(clock.sleeps).toHaveLength(1); // one jittered wait, on the virtual clock
  });

  it('gives up after 4 attempts with every conflict, the first attempt included, in errors', async () => {
    const store = alwaysOvertaken();
    const failure = await handleCommand(store, 'order-1', addTea, orderDecider, {
      clock: predictable().clock,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RetryExhaustedError);
    const { errors, attempts } = failure as RetryExhaustedError;
    expect(attempts).toBe(4);
    expect(errors).toHaveLength(4);
    expect(errors.every((error) => error instanceof VersionConflictError)).toBe(true);
    expect((errors[0] as VersionConflictError).attemptedVersion).toBe(1);
    expect(store.saves).toHaveLength(4);
  });

  it('hands back an error that is not a conflict untouched after the first attempt', async () => {
    const store = new HookedStore();
    const down = new Error('store is down');
    store.beforeSave = () => Promise.reject(down);
    await expect(handleCommand(store, 'order-1', place, orderDecider)).rejects.toBe(down);
    expect(store.saves).toHaveLength(1);
  });

  it('hands back an error of initialState untouched, never retried', async () => {
    const store = new HookedStore();
    const broken = new Error('no initial state');
    const decider = {
      ...orderDecider,
      initialState: () => {
        throw broken;
      },
    };
    await expect(handleCommand(store, 'order-1', place, decider)).rejects.toBe(broken);
    expect(store.saves).toEqual([]);
  });

  it('decides with an async decide as with a synchronous one', async () => {
    const store = new HookedStore();
    const decider = {
      ...orderDecider,
      decide: async (...args: Parameters<typeof orderDecider.decide>) => orderDecider.decide(...args),
    };
    const result = await handleCommand(store, 'order-1', place, decider);
    expect(result).toMatchObject({ version: 1, state: { status: 'placed' } });
  });
});

describe('handleCommand with retry options', () => {
  it('stops at once, reading nothing, when the signal has fired already', async () => {
    const store = new HookedStore();
    const controller = new AbortController();
    controller.abort(new Error('shutting down'));
    const attempt = handleCommand(store, 'order-1', place, orderDecider, {
      retry: { signal: controller.signal },
    });
    await expect(attempt).rejects.toBeInstanceOf(RetryAbortedError);
    expect(store.reads).toEqual([]);
  });

  it('refuses a bad maxAttempts before reading anything', async () => {
    const store = new HookedStore();
    await expect(
      handleCommand(store, 'order-1', place, orderDecider, { retry: { maxAttempts: 0 } }),
    ).rejects.toThrow('maxAttempts');
    expect(store.reads).toEqual([]);
  });

  it('asks retryOn about the first attempt too', async () => {
    const store = alwaysOvertaken();
    const asked: number[] = [];
    const failure = await handleCommand(store, 'order-1', addTea, orderDecider, {
      clock: predictable().clock,
      retry: {
        retryOn: (error, attempt) => {
          asked.push(attempt);
          return attempt < 2 && isVersionConflict(error);
        },
      },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(VersionConflictError);
    expect(asked).toEqual([1, 2]);
  });
});
