import { type AnyEvent, ValidationError } from '@aether/core';
import { describe, expect, it, vi } from 'vitest';
import { ControlledStore } from '../test-support/controlled-store.js';
import { conflict, storeTimeout } from '../test-support/errors.js';
import { lineAdded } from '../test-support/order.js';
import { MAX_UNCONFIRMED_ATTEMPTS, UnconfirmedSaves } from './unconfirmed-saves.js';

/** A store whose every save fails with `error` before storing anything. */
function failingStore(error: () => unknown) {
  const store = new ControlledStore();
  store.hook = () => {
    throw error();
  };
  return store;
}

/** Tries `event` through `saves`, swallowing the store's error. */
const attempt = (saves: UnconfirmedSaves<string>, store: ControlledStore, event: AnyEvent, note = '') =>
  saves.save(store, event, note).catch(() => undefined);

describe('UnconfirmedSaves', () => {
  it('passes a save through, and its error unchanged', async () => {
    const saves = new UnconfirmedSaves<string>();
    const store = new ControlledStore();
    await saves.save(store, lineAdded('order-1', 1, 'a', 1), 'note');
    expect(await store.getLatestVersion('order-1')).toBe(1);
    const timeout = storeTimeout();
    store.hook = () => {
      throw timeout;
    };
    await expect(saves.save(store, lineAdded('order-1', 2, 'a', 2), 'note')).rejects.toBe(timeout);
  });

  it.each([
    ['a timeout', storeTimeout, 1],
    ['a plain Error from a third-party store', () => new Error('socket hang up'), 1],
    ['a version conflict (a refusal)', () => conflict(1, 1), 0],
    ['a conflict wrapped in a cause chain', () => new Error('save failed', { cause: conflict(1, 1) }), 0],
    ['a ValidationError (a refusal)', () => new ValidationError('data', 'must be JSON'), 0],
  ])('remembers an attempt that failed with %s: %i', async (_name, error, remembered) => {
    const saves = new UnconfirmedSaves<string>();
    await attempt(saves, failingStore(error), lineAdded('order-1', 1, 'a', 1));
    expect(saves.size).toBe(remembered);
  });

  it('reads nothing while nothing is remembered', async () => {
    const store = new ControlledStore();
    const reads = vi.spyOn(store, 'getEvents');
    expect(await new UnconfirmedSaves<string>().findStored(store, 'order-1')).toBeUndefined();
    expect(reads).not.toHaveBeenCalled();
  });

  it('reads the actor from the lowest version an attempt tried', async () => {
    const saves = new UnconfirmedSaves<string>();
    const store = failingStore(storeTimeout);
    await attempt(saves, store, lineAdded('order-1', 5, 'me', 1));
    await attempt(saves, store, lineAdded('order-1', 3, 'me', 1));
    const reads = vi.spyOn(store, 'getEvents');
    await saves.findStored(store, 'order-1');
    expect(reads).toHaveBeenCalledWith('order-1', 3);
  });

  it('takes only an event with the id and the version of an attempt for that attempt', async () => {
    const saves = new UnconfirmedSaves<string>();
    const store = failingStore(storeTimeout);
    const mine = (version: number): AnyEvent => ({ ...lineAdded('order-1', version, 'me', 1), id: 'mine' });
    await attempt(saves, store, mine(2), 'tried v2');
    await store.inner.saveEvent(lineAdded('order-1', 1, 'x', 1));
    await store.inner.saveEvent(lineAdded('order-1', 2, 'x', 1)); // another writer's v2
    await store.inner.saveEvent(mine(3)); // the id, at a version no attempt tried
    expect(await saves.findStored(store, 'order-1')).toBeUndefined();

    await attempt(saves, store, mine(4), 'tried v4');
    await store.inner.saveEvent(mine(4));
    const found = await saves.findStored(store, 'order-1');
    expect(found?.note).toBe('tried v4');
    expect(found?.event.version).toBe(4);
  });

  it('returns the event as the store holds it, with the note of the attempt that stored it', async () => {
    const saves = new UnconfirmedSaves<string>();
    const store = new ControlledStore();
    store.afterSave = () => {
      throw storeTimeout();
    };
    const event = lineAdded('order-1', 1, 'me', 1);
    await attempt(saves, store, event, 'state before v1');
    const found = await saves.findStored(store, 'order-1');
    expect(found?.note).toBe('state before v1');
    expect(found?.event).toEqual(event);
    expect(found?.event).toEqual((await store.getEvents('order-1'))[0]);
  });

  it(`keeps at most ${MAX_UNCONFIRMED_ATTEMPTS} attempts, forgetting the oldest`, async () => {
    const saves = new UnconfirmedSaves<string>();
    const store = failingStore(storeTimeout);
    const attempts = Array.from({ length: MAX_UNCONFIRMED_ATTEMPTS + 1 }, (_, index) => ({
      ...lineAdded('order-1', 1, 'me', index),
      id: `attempt-${index}`,
    }));
    for (const event of attempts) await attempt(saves, store, event, event.id);
    expect(saves.size).toBe(MAX_UNCONFIRMED_ATTEMPTS);
    await store.inner.saveEvent(attempts[0] as AnyEvent);
    expect(await saves.findStored(store, 'order-1')).toBeUndefined();
  });

  it('counts the same attempt made again once', async () => {
    const saves = new UnconfirmedSaves<string>();
    const store = failingStore(storeTimeout);
    const event = lineAdded('order-1', 1, 'me', 1);
    await attempt(saves, store, event, 'first try');
    await attempt(saves, store, event, 'second try');
    expect(saves.size).toBe(1);
    await store.inner.saveEvent(event);
    expect((await saves.findStored(store, 'order-1'))?.note).toBe('second try');
  });
});
