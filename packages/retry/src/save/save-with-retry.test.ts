import { type EventStore, ValidationError } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { constant } from '../backoff/constant.js';
import { exponentialWithJitter } from '../backoff/jitter.js';
import { VirtualClock } from '../clock/virtual-clock.js';
import { RetryAbortedError } from '../errors/retry-aborted-error.js';
import { RetryExhaustedError } from '../errors/retry-exhausted-error.js';
import { RetryThrashingError } from '../errors/retry-thrashing-error.js';
import { lineAdded, linesReducer } from '../test-support/order.js';
import { seededRandom } from '../test-support/seeded-random.js';
import { saveWithRetry } from './save-with-retry.js';

/** `writers` writers each save `events` events to one actor at the same time, each through saveWithRetry. */
async function concurrentWriters(store: EventStore, writers: number, events: number, seed: number) {
  const clock = new VirtualClock({ autoAdvance: true });
  const random = seededRandom(seed);
  let retries = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let seq = 1; seq <= events; seq++) {
        await saveWithRetry(
          store,
          'order-1',
          (version) => lineAdded('order-1', version + 1, `w${writer}`, seq),
          {
            clock,
            random,
            maxAttempts: 1000,
            backoff: exponentialWithJitter({ initialDelayMs: 5, maxDelayMs: 200 }),
            onRetry: () => retries++,
          },
        );
      }
    }),
  );
  return { retries };
}

describe('saveWithRetry', () => {
  it('saves at the next version and says how many attempts it took', async () => {
    const store = new InMemoryEventStore();
    await store.saveEvent(lineAdded('order-1', 1, 'setup', 1));
    const makeEvent = vi.fn((version: number) => lineAdded('order-1', version + 1, 'a', 1));
    const result = await saveWithRetry(store, 'order-1', makeEvent);
    expect(result.attempts).toBe(1);
    expect(result.event.version).toBe(2);
    expect(result.state).toBeUndefined();
    expect(makeEvent).toHaveBeenCalledWith(1, undefined, { attempt: 1 });
    expect(await store.getLatestVersion('order-1')).toBe(2);
  });

  it('starts an unknown actor at version 1', async () => {
    const store = new InMemoryEventStore();
    const { event } = await saveWithRetry(store, 'new-actor', (version) =>
      lineAdded('new-actor', version + 1, 'a', 1),
    );
    expect(event.version).toBe(1);
  });

  it('re-reads the version after a conflict and builds the event again', async () => {
    const store = new InMemoryEventStore();
    const clock = new VirtualClock({ autoAdvance: true });
    const seen: Array<[number, number]> = [];
    const onRetry = vi.fn();
    const result = await saveWithRetry(
      store,
      'order-1',
      async (version, _state, { attempt }) => {
        seen.push([version, attempt]);
        // Another writer gets in between this writer's read and its save, twice.
        if (attempt < 3) await store.saveEvent(lineAdded('order-1', version + 1, 'other', attempt));
        return lineAdded('order-1', version + 1, 'me', 1);
      },
      { clock, backoff: constant(20), onRetry },
    );
    expect(seen).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(result.attempts).toBe(3);
    expect(result.event.version).toBe(3);
    expect(clock.sleeps).toEqual([20, 20]);
    expect(
      onRetry.mock.calls.map(([attempt, delay, error]) => [attempt, delay, error.currentVersion]),
    ).toEqual([
      [1, 20, 1],
      [2, 20, 2],
    ]);
  });

  it('with a reducer, gives makeEvent the current state and returns the state after the event', async () => {
    const store = new InMemoryEventStore();
    await store.saveEvent(lineAdded('order-1', 1, 'a', 1));
    await store.saveEvent(lineAdded('order-1', 2, 'b', 1));
    const result = await saveWithRetry(
      store,
      'order-1',
      (version, state) => {
        expect(state.lines).toEqual(['a#1', 'b#1']);
        return lineAdded('order-1', version + 1, 'c', state.lines.length);
      },
      { reducer: linesReducer, initialState: { lines: [] } },
    );
    expect(result.state.lines).toEqual(['a#1', 'b#1', 'c#2']);
    expect(result.event.version).toBe(3);
  });

  it('with a reducer, starts from the latest snapshot', async () => {
    const store = new InMemoryEventStore();
    await store.saveEvent(lineAdded('order-1', 1, 'a', 1));
    await store.saveEvent(lineAdded('order-1', 2, 'b', 1));
    await store.saveSnapshot({
      actorId: 'order-1',
      version: 2,
      state: { lines: ['from-snapshot'] },
      timestamp: new Date(0),
    });
    const result = await saveWithRetry(
      store,
      'order-1',
      (version) => lineAdded('order-1', version + 1, 'c', 1),
      {
        reducer: linesReducer,
        initialState: { lines: [] as string[] },
      },
    );
    expect(result.state.lines).toEqual(['from-snapshot', 'c#1']);
  });

  it('gives up after 4 attempts by default, every conflict kept', async () => {
    const store = new InMemoryEventStore();
    const clock = new VirtualClock({ autoAdvance: true });
    const failure = await saveWithRetry(
      store,
      'order-1',
      async (version) => {
        await store.saveEvent(lineAdded('order-1', version + 1, 'rival', version));
        return lineAdded('order-1', version + 1, 'me', 1);
      },
      { clock },
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RetryExhaustedError);
    expect((failure as RetryExhaustedError).errors).toHaveLength(4);
    expect(clock.sleeps).toHaveLength(3);
  });

  it('stops a makeEvent that ignores the current version: thrash detection', async () => {
    const store = new InMemoryEventStore();
    await store.saveEvent(lineAdded('order-1', 1, 'a', 1));
    const makeEvent = vi.fn(() => lineAdded('order-1', 1, 'stale', 1));
    const failure = await saveWithRetry(store, 'order-1', makeEvent, {
      clock: new VirtualClock({ autoAdvance: true }),
      maxAttempts: 10,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RetryThrashingError);
    expect(makeEvent).toHaveBeenCalledTimes(3);
  });

  it('refuses an event for another actor with a ValidationError, never retried', async () => {
    const store = new InMemoryEventStore();
    const makeEvent = vi.fn((version: number) => lineAdded('order-2', version + 1, 'a', 1));
    const failure = await saveWithRetry(store, 'order-1', makeEvent).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ValidationError);
    expect((failure as ValidationError).message).toContain('"order-2"');
    expect(makeEvent).toHaveBeenCalledTimes(1);
    expect(await store.getLatestVersion('order-2')).toBe(0);
  });

  it('passes the store’s ValidationError through unchanged, even with retryOn always true', async () => {
    const store = new InMemoryEventStore();
    const failure = await saveWithRetry(
      store,
      'order-1',
      (version) => ({ ...lineAdded('order-1', version + 1, 'a', 1), id: '' }),
      {
        retryOn: () => true,
      },
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ValidationError);
  });

  it('passes a read failure through (not a conflict, so not retried by default)', async () => {
    const store = new InMemoryEventStore();
    vi.spyOn(store, 'getLatestVersion').mockRejectedValueOnce(new Error('store offline'));
    await expect(saveWithRetry(store, 'order-1', (v) => lineAdded('order-1', v + 1, 'a', 1))).rejects.toThrow(
      'store offline',
    );
  });

  it('stops when the signal aborts during the wait', async () => {
    const store = new InMemoryEventStore();
    const clock = new VirtualClock();
    const controller = new AbortController();
    const running = saveWithRetry(
      store,
      'order-1',
      async (version) => {
        await store.saveEvent(lineAdded('order-1', version + 1, 'rival', version));
        return lineAdded('order-1', version + 1, 'me', 1);
      },
      { clock, signal: controller.signal, backoff: constant(1000) },
    ).catch((error: unknown) => error);
    await clock.settle();
    controller.abort();
    expect(await running).toBeInstanceOf(RetryAbortedError);
    expect(await store.getLatestVersion('order-1')).toBe(1);
  });

  it('lets 25 concurrent writers of 8 events each on one actor all succeed, versions contiguous', async () => {
    const store = new InMemoryEventStore();
    const { retries } = await concurrentWriters(store, 25, 8, 42);
    const events = await store.getEvents('order-1');
    expect(events.map((event) => event.version)).toEqual(
      Array.from({ length: 200 }, (_, index) => index + 1),
    );
    const written = events.map((event) => `${String(event.data.writer)}#${String(event.data.seq)}`);
    expect(new Set(written).size).toBe(200);
    expect(retries).toBeGreaterThan(0);
    // Each writer's own events land in the order it wrote them.
    for (let writer = 0; writer < 25; writer++) {
      const own = events.filter((event) => event.data.writer === `w${writer}`).map((event) => event.data.seq);
      expect(own).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    }
  });

  it('property: any number of concurrent writers all land, exactly once, with contiguous versions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        async (writers, events, seed) => {
          const store = new InMemoryEventStore();
          await concurrentWriters(store, writers, events, seed);
          const stored = await store.getEvents('order-1');
          const total = writers * events;
          expect(stored.map((event) => event.version)).toEqual(
            Array.from({ length: total }, (_, i) => i + 1),
          );
          expect(
            new Set(stored.map((event) => `${String(event.data.writer)}#${String(event.data.seq)}`)).size,
          ).toBe(total);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
