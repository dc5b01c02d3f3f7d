import { type AnyEvent, isVersionConflict, ValidationError } from '@aether/core';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { constant } from '../backoff/constant.js';
import { exponential } from '../backoff/exponential.js';
import { VirtualClock } from '../clock/virtual-clock.js';
import { DeadLetterHandlerError } from '../errors/dead-letter-handler-error.js';
import { RetryAbortedError } from '../errors/retry-aborted-error.js';
import { RetryExhaustedError } from '../errors/retry-exhausted-error.js';
import { RetryQueueClosedError, RetryQueueFullError } from '../errors/retry-queue-errors.js';
import { ControlledStore, gate } from '../test-support/controlled-store.js';
import { conflictsAndRetryable, storeTimeout } from '../test-support/errors.js';
import { lineAdded } from '../test-support/order.js';
import type { DeadLetter, RetryQueueOptions } from './options.js';
import { RetryQueue } from './retry-queue.js';

function setup(options: Partial<RetryQueueOptions> = {}) {
  const store = new ControlledStore();
  const clock = new VirtualClock({ autoAdvance: true });
  const deadLetters: DeadLetter[] = [];
  const saved: AnyEvent[] = [];
  const queue = new RetryQueue({
    store,
    clock,
    random: () => 0.5,
    onDeadLetter: (letter) => {
      deadLetters.push(letter);
    },
    onSaved: (event) => saved.push(event),
    ...options,
  });
  return { store, clock, queue, deadLetters, saved };
}

const versionsOf = async (store: ControlledStore, actorId = 'order-1') =>
  (await store.getEvents(actorId)).map((event) => event.version);

describe('RetryQueue', () => {
  it('accepts an event at once and saves it in the background', async () => {
    const { store, queue, saved } = setup();
    const held = gate();
    store.hook = () => held.promise;
    expect(queue.enqueue(lineAdded('order-1', 1, 'a', 1))).toBeUndefined();
    expect(queue.size).toBe(1);
    expect(await versionsOf(store)).toEqual([]);
    held.open();
    await queue.drain();
    expect(await versionsOf(store)).toEqual([1]);
    expect(saved.map((event) => event.version)).toEqual([1]);
    expect(queue.size).toBe(0);
    expect(queue.stats).toEqual({ accepted: 1, saved: 1, deadLettered: 0, retries: 0, rejected: 0 });
  });

  it("saves one actor's events one at a time, in the order they were enqueued", async () => {
    const { store, queue } = setup({ concurrency: 4 });
    for (let version = 1; version <= 6; version++) queue.enqueue(lineAdded('order-1', version, 'a', version));
    await queue.drain();
    expect(store.maxInFlight).toBe(1);
    expect((await store.getEvents('order-1')).map((event) => event.data.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('saves different actors in parallel, never more than `concurrency` at once', async () => {
    const { store, queue } = setup({ concurrency: 3 });
    store.hook = () => new Promise((resolve) => setImmediate(resolve));
    for (let actor = 0; actor < 10; actor++) queue.enqueue(lineAdded(`order-${actor}`, 1, 'a', 1));
    expect(queue.inFlight).toBe(3);
    await queue.drain();
    expect(store.maxInFlight).toBe(3);
    expect(queue.stats.saved).toBe(10);
  });

  it('re-bases a conflicting event on the latest version, keeping its id, after the backoff', async () => {
    const { store, clock, queue, saved } = setup({ backoff: exponential() });
    for (let version = 1; version <= 3; version++)
      await store.inner.saveEvent(lineAdded('order-1', version, 'x', version));
    const event = lineAdded('order-1', 2, 'late', 1);
    queue.enqueue(event);
    await queue.drain();
    const stored = await store.getEvents('order-1');
    expect(stored.map((e) => e.version)).toEqual([1, 2, 3, 4]);
    expect(stored[3]?.id).toBe(event.id);
    expect(stored[3]?.data).toEqual({ writer: 'late', seq: 1 });
    expect(saved[0]?.version).toBe(4);
    expect(clock.sleeps).toEqual([100]);
    expect(queue.stats.retries).toBe(1);
  });

  it('retries any failure but a ValidationError, with the default backoff (full jitter from 100 ms x2)', async () => {
    const { store, clock, queue } = setup();
    store.hook = (_event, call) => {
      if (call <= 3) throw new Error(`network blip ${call}`);
    };
    queue.enqueue(lineAdded('order-1', 1, 'a', 1));
    await queue.drain();
    expect(await versionsOf(store)).toEqual([1]);
    expect(clock.sleeps).toEqual([50, 100, 200]);
  });

  it('uses a custom rebase, and dead-letters an event whose rebase throws', async () => {
    const refusal = new Error('the order is shipped; this line cannot be added any more');
    const rebase = vi.fn((event: AnyEvent, currentVersion: number) => {
      if (currentVersion >= 3) throw refusal;
      return { ...event, version: currentVersion + 1, data: { rebasedFrom: event.version } };
    });
    const { store, queue, deadLetters } = setup({ rebase, backoff: constant(1) });
    await store.inner.saveEvent(lineAdded('order-1', 1, 'x', 1));
    queue.enqueue(lineAdded('order-1', 1, 'a', 1));
    await queue.drain();
    expect((await store.getEvents('order-1'))[1]?.data).toEqual({ rebasedFrom: 1 });

    await store.inner.saveEvent(lineAdded('order-1', 3, 'x', 3));
    const doomed = lineAdded('order-1', 2, 'b', 1);
    queue.enqueue(doomed);
    await queue.drain();
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]?.error).toBe(refusal);
    expect(deadLetters[0]?.event).toEqual(doomed);
    expect(deadLetters[0]?.attempts).toBe(1);
  });

  it('dead-letters an event that exhausts its attempts, with every error', async () => {
    const { store, queue, deadLetters, clock } = setup({ maxAttempts: 3, backoff: constant(7) });
    store.hook = () => {
      throw new Error('store down');
    };
    const event = lineAdded('order-1', 1, 'a', 1);
    queue.enqueue(event);
    await queue.drain();
    expect(deadLetters).toHaveLength(1);
    const [letter] = deadLetters as [DeadLetter];
    expect(letter.event).toEqual(event);
    expect(letter.attempts).toBe(3);
    expect(letter.error).toBeInstanceOf(RetryExhaustedError);
    expect((letter.error as RetryExhaustedError).errors).toHaveLength(3);
    expect(clock.sleeps).toEqual([7, 7]);
    expect(queue.stats).toMatchObject({ accepted: 1, saved: 0, deadLettered: 1, retries: 2 });
  });

  it('dead-letters at once what retryOn refuses, with the error itself', async () => {
    const { store, queue, deadLetters } = setup({ retryOn: isVersionConflict });
    const boom = new Error('permission denied');
    store.hook = () => {
      throw boom;
    };
    queue.enqueue(lineAdded('order-1', 1, 'a', 1));
    await queue.drain();
    expect(deadLetters[0]?.error).toBe(boom);
    expect(deadLetters[0]?.attempts).toBe(1);
  });

  it('refuses a malformed event at enqueue with a ValidationError, accepting nothing', () => {
    const { queue } = setup();
    expect(() => queue.enqueue({ ...lineAdded('order-1', 1, 'a', 1), version: 0 })).toThrow(ValidationError);
    expect(queue.size).toBe(0);
    expect(queue.stats.accepted).toBe(0);
  });

  it('keeps its own frozen copy, so the caller changing the event later changes nothing', async () => {
    const { store, queue } = setup();
    const event = { ...lineAdded('order-1', 1, 'a', 1), data: { writer: 'a', seq: 1 } };
    queue.enqueue(event);
    event.data.writer = 'mutated';
    await queue.drain();
    expect((await store.getEvents('order-1'))[0]?.data.writer).toBe('a');
  });

  it('is bounded: a full queue refuses with RetryQueueFullError instead of growing', async () => {
    const { store, queue } = setup({ capacity: 3, concurrency: 1 });
    const held = gate();
    store.hook = () => held.promise;
    for (let actor = 0; actor < 3; actor++) queue.enqueue(lineAdded(`order-${actor}`, 1, 'a', 1));
    const refused = (() => {
      try {
        queue.enqueue(lineAdded('order-9', 1, 'a', 1));
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(RetryQueueFullError);
    expect((refused as RetryQueueFullError).code).toBe('RETRY_QUEUE_FULL');
    expect((refused as RetryQueueFullError).capacity).toBe(3);
    expect(queue.size).toBe(3);
    expect(queue.stats.rejected).toBe(1);
    held.open();
    await queue.drain();
    queue.enqueue(lineAdded('order-9', 1, 'a', 1));
    await queue.drain();
    expect(queue.stats.saved).toBe(4);
  });

  it('counts events backing off against the capacity too', async () => {
    const store = new ControlledStore();
    const clock = new VirtualClock();
    const queue = new RetryQueue({
      store,
      clock,
      capacity: 1,
      backoff: constant(1000),
      onDeadLetter: () => undefined,
    });
    store.hook = (_event, call) => {
      if (call === 1) throw new Error('blip');
    };
    queue.enqueue(lineAdded('order-1', 1, 'a', 1));
    await clock.settle();
    expect(clock.pending).toBe(1);
    expect(() => queue.enqueue(lineAdded('order-2', 1, 'a', 1))).toThrow(RetryQueueFullError);
    await clock.advance(1000);
    await queue.drain();
    expect(queue.stats.saved).toBe(1);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('drain() waits for events enqueued while it waits, and resolves at once when idle', async () => {
    const { queue, store } = setup();
    await queue.drain();
    store.hook = () => new Promise((resolve) => setImmediate(resolve));
    queue.enqueue(lineAdded('order-1', 1, 'a', 1));
    const draining = queue.drain();
    queue.enqueue(lineAdded('order-1', 2, 'a', 2));
    await draining;
    expect(queue.stats.saved).toBe(2);
  });

  it('close() refuses new events and waits for every accepted one, retries included', async () => {
    const { store, queue } = setup({ backoff: constant(500) });
    store.hook = (_event, call) => {
      if (call === 1) throw new Error('blip');
    };
    queue.enqueue(lineAdded('order-1', 1, 'a', 1));
    queue.enqueue(lineAdded('order-2', 1, 'a', 1));
    await queue.close();
    expect(queue.closed).toBe(true);
    expect(queue.stats.saved).toBe(2);
    expect(() => queue.enqueue(lineAdded('order-3', 1, 'a', 1))).toThrow(RetryQueueClosedError);
    expect(queue.stats.rejected).toBe(1);
    await queue.close();
  });

  it('close() aborted: waiting events are dead-lettered, saves in flight finish, none is lost', async () => {
    const clock = new VirtualClock();
    const store = new ControlledStore();
    const deadLetters: DeadLetter[] = [];
    const queue = new RetryQueue({
      store,
      clock,
      concurrency: 2,
      backoff: constant(10_000),
      onDeadLetter: (letter) => {
        deadLetters.push(letter);
      },
    });
    const held = gate();
    store.hook = (event) => {
      if (event.actorId === 'order-1') throw new Error('blip'); // will back off for 10 s
      if (event.actorId === 'order-2') return held.promise; // in flight until released
    };
    queue.enqueue(lineAdded('order-1', 1, 'a', 1));
    queue.enqueue(lineAdded('order-2', 1, 'a', 1));
    queue.enqueue(lineAdded('order-3', 1, 'a', 1)); // waits for a turn
    queue.enqueue(lineAdded('order-2', 2, 'a', 2)); // waits behind order-2's first event
    await clock.settle();
    expect(clock.pending).toBe(1);

    const controller = new AbortController();
    const closing = queue.close({ signal: controller.signal });
    controller.abort(new Error('shutting down'));
    held.open();
    await closing;

    expect(await versionsOf(store, 'order-2')).toEqual([1]);
    const byActor: Record<string, DeadLetter> = Object.fromEntries(
      deadLetters.map((letter) => [`${letter.event.actorId}v${letter.event.version}`, letter]),
    );
    expect(Object.keys(byActor).sort()).toEqual(['order-1v1', 'order-2v2', 'order-3v1']);
    const sleeping = byActor['order-1v1'] as DeadLetter;
    const waiting = byActor['order-3v1'] as DeadLetter;
    expect(sleeping.error).toBeInstanceOf(RetryAbortedError);
    expect((sleeping.error as RetryAbortedError).cause).toBeInstanceOf(RetryQueueClosedError);
    expect(sleeping.attempts).toBe(1);
    expect(waiting.error).toBeInstanceOf(RetryQueueClosedError);
    expect(waiting.attempts).toBe(0);
    expect((waiting.error as RetryQueueClosedError).cause).toBe(controller.signal.reason);
    const { accepted, saved, deadLettered } = queue.stats;
    expect(accepted).toBe(saved + deadLettered);
    expect(queue.size).toBe(0);
  });

  it('close() with a signal that has already aborted dead-letters everything not yet in flight', async () => {
    const { store, queue, deadLetters } = setup({ concurrency: 1 });
    const held = gate();
    store.hook = () => held.promise;
    queue.enqueue(lineAdded('order-1', 1, 'a', 1));
    queue.enqueue(lineAdded('order-2', 1, 'a', 1));
    const closing = queue.close({ signal: AbortSignal.abort() });
    held.open();
    await closing;
    expect(queue.stats.saved).toBe(1);
    expect(deadLetters.map((letter) => letter.event.actorId)).toEqual(['order-2']);
  });

  it('when onDeadLetter throws, drain() rejects with the letters, once', async () => {
    const { store, queue } = setup({
      maxAttempts: 1,
      onDeadLetter: () => {
        throw new Error('dead-letter store down');
      },
    });
    store.hook = () => {
      throw new Error('save failed');
    };
    queue.enqueue(lineAdded('order-1', 1, 'a', 1));
    queue.enqueue(lineAdded('order-2', 1, 'a', 1));
    const failure = await queue.drain().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeadLetterHandlerError);
    const handlerError = failure as DeadLetterHandlerError<DeadLetter>;
    expect(handlerError.code).toBe('DEAD_LETTER_HANDLER_FAILED');
    expect(handlerError.letters.map((letter) => letter.event.actorId).sort()).toEqual(['order-1', 'order-2']);
    expect(handlerError.message).toContain('dead-letter store down');
    await expect(queue.drain()).resolves.toBeUndefined();
  });

  it('waits for an async onDeadLetter before it counts the event finished', async () => {
    const held = gate();
    const { store, queue } = setup({ maxAttempts: 1, onDeadLetter: () => held.promise });
    store.hook = () => {
      throw new Error('no');
    };
    queue.enqueue(lineAdded('order-1', 1, 'a', 1));
    let drained = false;
    const draining = queue.drain().then(() => {
      drained = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    expect(queue.size).toBe(1);
    held.open();
    await draining;
    expect(queue.size).toBe(0);
  });

  it.each([
    ['capacity', { capacity: 0 }],
    ['concurrency', { concurrency: 0 }],
    ['maxAttempts', { maxAttempts: -1 }],
  ])('rejects a bad %s', (field, options) => {
    expect(() => setup(options)).toThrow(field);
  });

  it('property: every accepted event is saved or dead-lettered, exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ actor: fc.integer({ min: 0, max: 3 }), fails: fc.integer({ min: 0, max: 4 }) }),
          {
            maxLength: 30,
          },
        ),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 8 }),
        async (plan, concurrency, capacity) => {
          const failuresLeft = new Map<string, number>();
          const { store, queue, deadLetters, saved } = setup({ concurrency, capacity, maxAttempts: 3 });
          store.hook = (event) => {
            const left = failuresLeft.get(event.id) ?? 0;
            if (left > 0) {
              failuresLeft.set(event.id, left - 1);
              throw new Error('flaky');
            }
          };
          const accepted: string[] = [];
          for (const [index, step] of plan.entries()) {
            const event = lineAdded(`order-${step.actor}`, index + 1, 'p', index);
            failuresLeft.set(event.id, step.fails);
            try {
              queue.enqueue(event);
              accepted.push(event.id);
            } catch (error) {
              expect(error).toBeInstanceOf(RetryQueueFullError);
            }
          }
          await queue.close();
          const finished = [
            ...saved.map((event) => event.id),
            ...deadLetters.map((letter) => letter.event.id),
          ];
          expect(finished.sort()).toEqual([...accepted].sort());
          expect(queue.stats.accepted).toBe(accepted.length);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('RetryQueue after a save that failed but may have been stored', () => {
  it('saves an event whose acknowledgement was lost once, at the version it was stored with', async () => {
    const { store, queue, saved } = setup({ backoff: constant(10) });
    await store.inner.saveEvent(lineAdded('order-1', 1, 'x', 1));
    store.afterSave = (_event, call) => {
      if (call === 1) throw storeTimeout();
    };
    const event = lineAdded('order-1', 2, 'a', 1);
    queue.enqueue(event);
    await queue.drain();
    expect((await store.getEvents('order-1')).map((stored) => stored.id)).toEqual([
      expect.any(String),
      event.id,
    ]);
    expect(store.saveCalls).toBe(1);
    expect(saved).toEqual([event]);
    expect(queue.stats).toMatchObject({ saved: 1, deadLettered: 0, retries: 1 });
  });

  it('recognises the event when another writer appended on top of it meanwhile: not re-based, not saved again', async () => {
    const rebase = vi.fn((event: AnyEvent, currentVersion: number) => ({
      ...event,
      version: currentVersion + 1,
    }));
    const { store, queue, saved } = setup({ backoff: constant(10), rebase });
    store.afterSave = async (event, call) => {
      if (call !== 1) return;
      await store.inner.saveEvent(lineAdded('order-1', event.version + 1, 'other', 1));
      throw storeTimeout();
    };
    const event = lineAdded('order-1', 1, 'a', 1);
    queue.enqueue(event);
    await queue.drain();
    expect((await store.getEvents('order-1')).map((stored) => stored.data.writer)).toEqual(['a', 'other']);
    expect(saved.map((stored) => [stored.id, stored.version])).toEqual([[event.id, 1]]);
    expect(rebase).not.toHaveBeenCalled();
  });

  it('saves the event once when the timed-out save had stored nothing', async () => {
    const { store, queue, saved } = setup({ backoff: constant(10) });
    store.hook = (_event, call) => {
      if (call === 1) throw storeTimeout();
    };
    queue.enqueue(lineAdded('order-1', 1, 'a', 1));
    await queue.drain();
    expect(await versionsOf(store)).toEqual([1]);
    expect(store.saveCalls).toBe(2);
    expect(saved).toHaveLength(1);
  });

  it('dead-letters at once an error that retryOn refuses, without looking for the event', async () => {
    const { store, queue, deadLetters } = setup({ retryOn: conflictsAndRetryable });
    const refused = Object.assign(new Error('permission denied'), { retryable: false });
    store.hook = () => {
      throw refused;
    };
    const reads = vi.spyOn(store, 'getEvents');
    queue.enqueue(lineAdded('order-1', 1, 'a', 1));
    await queue.drain();
    expect(deadLetters.map((letter) => [letter.error, letter.attempts])).toEqual([[refused, 1]]);
    expect(reads).not.toHaveBeenCalled();
  });
});
