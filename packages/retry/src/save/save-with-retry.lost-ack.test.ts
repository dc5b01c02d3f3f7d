import type { AnyEvent } from '@aether/core';
import { describe, expect, it, vi } from 'vitest';
import { constant } from '../backoff/constant.js';
import { VirtualClock } from '../clock/virtual-clock.js';
import { ControlledStore } from '../test-support/controlled-store.js';
import { conflictsAndRetryable, storeTimeout } from '../test-support/errors.js';
import { type LineAdded, lineAdded, linesReducer } from '../test-support/order.js';
import { saveWithRetry } from './save-with-retry.js';

const ids = {
  'the same id on every attempt': (_attempt: number) => 'my-line',
  'a fresh id per attempt': (attempt: number) => `my-line-attempt-${attempt}`,
};

/** A store holding one event of order-1, and a writer that adds its line with the given ids. */
async function setup(idOf: (attempt: number) => string) {
  const store = new ControlledStore();
  await store.inner.saveEvent(lineAdded('order-1', 1, 'setup', 1));
  const clock = new VirtualClock({ autoAdvance: true });
  const makeEvent = vi.fn(
    (version: number, _state: unknown, { attempt }: { attempt: number }): LineAdded | Promise<LineAdded> => ({
      ...lineAdded('order-1', version + 1, 'me', 1),
      id: idOf(attempt),
    }),
  );
  const options = { clock, backoff: constant(10), retryOn: conflictsAndRetryable };
  const storedIds = async () => (await store.getEvents('order-1')).map((event) => event.id);
  return { store, clock, makeEvent, options, storedIds };
}

describe('saveWithRetry after a save that failed but may have been stored', () => {
  it.each(Object.entries(ids))(
    'recognises its own event after a lost acknowledgement (%s): success at the stored version, stored once',
    async (_name, idOf) => {
      const { store, clock, makeEvent, options, storedIds } = await setup(idOf);
      store.afterSave = (_event, call) => {
        if (call === 1) throw storeTimeout();
      };
      const result = await saveWithRetry(store, 'order-1', makeEvent, options);
      const stored = await store.getEvents('order-1');
      expect(await storedIds()).toEqual([stored[0]?.id, idOf(1)]);
      expect(result.event).toEqual(stored[1]);
      expect(result.event.version).toBe(2);
      expect(result.attempts).toBe(2);
      // The second attempt found the first one's event: no new event built, nothing saved again.
      expect(makeEvent).toHaveBeenCalledTimes(1);
      expect(store.saveCalls).toBe(1);
      expect(clock.sleeps).toEqual([10]);
    },
  );

  it.each(Object.entries(ids))(
    'recognises its event when another writer appended on top of it meanwhile (%s)',
    async (_name, idOf) => {
      const { store, makeEvent, options, storedIds } = await setup(idOf);
      store.afterSave = async (event, call) => {
        if (call !== 1) return;
        await store.inner.saveEvent(lineAdded('order-1', event.version + 1, 'other', 1));
        throw storeTimeout();
      };
      const result = await saveWithRetry(store, 'order-1', makeEvent, {
        ...options,
        reducer: linesReducer,
        initialState: { lines: [] as string[] },
      });
      expect((await storedIds()).filter((id) => id.startsWith('my-line'))).toEqual([idOf(1)]);
      expect(await store.getLatestVersion('order-1')).toBe(3);
      // Not the latest event, but this writer's: the version it was stored at, the state right after it.
      expect(result.event.version).toBe(2);
      expect(result.event.id).toBe(idOf(1));
      expect(result.state.lines).toEqual(['setup#1', 'me#1']);
      expect(makeEvent).toHaveBeenCalledTimes(1);
    },
  );

  it.each(Object.entries(ids))(
    'stores the event once when the timed-out save had stored nothing (%s)',
    async (_name, idOf) => {
      const { store, makeEvent, options, storedIds } = await setup(idOf);
      store.hook = (_event, call) => {
        if (call === 1) throw storeTimeout();
      };
      const result = await saveWithRetry(store, 'order-1', makeEvent, options);
      expect((await storedIds()).slice(1)).toEqual([idOf(2)]);
      expect(result.event.version).toBe(2);
      expect(result.event.id).toBe(idOf(2));
      expect(result.attempts).toBe(2);
      expect(makeEvent).toHaveBeenCalledTimes(2);
    },
  );

  it('recognises its event when it lands late and makes the next attempt conflict', async () => {
    const { store, makeEvent, options, storedIds } = await setup(ids['a fresh id per attempt']);
    // The first save times out with its event still on the way (in a reconnect buffer, say); it
    // lands while the second attempt is being built, so that attempt conflicts with it.
    let late: AnyEvent | undefined;
    store.hook = (event, call) => {
      if (call !== 1) return;
      late = event;
      throw storeTimeout();
    };
    makeEvent.mockImplementation(async (version, _state, { attempt }) => {
      if (attempt === 2) await store.inner.saveEvent(late as AnyEvent);
      return { ...lineAdded('order-1', version + 1, 'me', 1), id: `my-line-attempt-${attempt}` };
    });
    const result = await saveWithRetry(store, 'order-1', makeEvent, options);
    expect((await storedIds()).slice(1)).toEqual(['my-line-attempt-1']);
    expect(result.event.id).toBe('my-line-attempt-1');
    expect(result.event.version).toBe(2);
    expect(result.attempts).toBe(3);
    expect(makeEvent).toHaveBeenCalledTimes(2);
  });

  it('does not retry or remember an error that retryOn refuses: it comes back unchanged', async () => {
    const { store, makeEvent, options } = await setup(ids['the same id on every attempt']);
    const refused = Object.assign(new Error('permission denied'), { code: 'DENIED', retryable: false });
    store.hook = () => {
      throw refused;
    };
    const reads = vi.spyOn(store, 'getEvents');
    await expect(saveWithRetry(store, 'order-1', makeEvent, options)).rejects.toBe(refused);
    expect(makeEvent).toHaveBeenCalledTimes(1);
    expect(reads).not.toHaveBeenCalled();
    expect(await store.getLatestVersion('order-1')).toBe(1);
  });

  it('takes a conflict for a refusal: the next attempt does not look for the refused event', async () => {
    const { store, makeEvent, options } = await setup(ids['a fresh id per attempt']);
    store.hook = async (_event, call) => {
      if (call === 1) await store.inner.saveEvent(lineAdded('order-1', 2, 'other', 1));
    };
    const reads = vi.spyOn(store, 'getEvents');
    const result = await saveWithRetry(store, 'order-1', makeEvent, options);
    expect(result.event.version).toBe(3);
    expect(reads).not.toHaveBeenCalled();
  });
});
