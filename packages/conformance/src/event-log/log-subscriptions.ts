import { describe, expect, it } from 'vitest';
import { batchOf, collect, drain, type LogStore, ofActors, positionsOf } from '../store-kit/log-kit.js';
import { expectValidationError } from '../store-kit/outcomes.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function logSubscriptionTests({ store, newId }: SuiteContext<LogStore>): void {
  describe('subscribe: catch-up, then live', () => {
    it('delivers what was saved before it, then what is saved after, in log order, none missing, none twice', async () => {
      const actorId = newId('order');
      const before = await store().headPosition();
      await store().saveEvents(batchOf(newId, actorId, 1, 2));
      const subscription = store().subscribe({ after: before, actorPattern: actorId });
      const reading = collect(subscription, (received) => received.length >= 5);
      await store().saveEvents(batchOf(newId, actorId, 3, 1));
      await store().saveEvents(batchOf(newId, actorId, 4, 2));
      const received = await reading;
      await subscription.close();
      expect(received.map(({ event }) => event.version)).toEqual([1, 2, 3, 4, 5]);
      expect(received).toEqual(ofActors(await store().readAll({ after: before }), [actorId]));
    });

    it('resolves caughtUp with the head it started with, once it has delivered up to it', async () => {
      const actorId = newId('order');
      const before = await store().headPosition();
      await store().saveEvents(batchOf(newId, actorId, 1, 3));
      const head = await store().headPosition();
      const subscription = store().subscribe({ after: before });
      const received = await collect(subscription, (events) => ofActors(events, [actorId]).length === 3);
      expect(await subscription.caughtUp).toBe(head);
      expect(Math.max(...positionsOf(received))).toBeLessThanOrEqual(head);
      await subscription.close();
    });

    it("with after: 'end', delivers only what is saved after it started, and is caught up at once", async () => {
      const actorId = newId('order');
      await store().saveEvents(batchOf(newId, actorId, 1, 1));
      const head = await store().headPosition();
      const subscription = store().subscribe({ after: 'end' });
      expect(await subscription.caughtUp).toBeGreaterThanOrEqual(head);
      const reading = collect(subscription, (events) => ofActors(events, [actorId]).length >= 1);
      await store().saveEvents(batchOf(newId, actorId, 2, 1));
      const received = ofActors(await reading, [actorId]);
      await subscription.close();
      expect(received.map(({ event }) => event.version)).toEqual([2]);
    });

    it('with live: false, ends once caught up, without what is saved later', async () => {
      const actorId = newId('order');
      const before = await store().headPosition();
      await store().saveEvents(batchOf(newId, actorId, 1, 2));
      const subscription = store().subscribe({ after: before, live: false });
      await store().saveEvents(batchOf(newId, actorId, 3, 1));
      const received = ofActors(await drain(subscription), [actorId]);
      expect(received.map(({ event }) => event.version)).toEqual([1, 2]);
    });

    it('delivers only the event types and actors asked for', async () => {
      const wanted = newId('order');
      const other = newId('order');
      const before = await store().headPosition();
      await store().saveEvents(batchOf(newId, wanted, 1, 1, 'OrderPlaced'));
      await store().saveEvents(batchOf(newId, wanted, 2, 1, 'ItemAdded'));
      await store().saveEvents(batchOf(newId, other, 1, 1, 'OrderPlaced'));
      const byType = store().subscribe({ after: before, live: false, eventTypes: ['OrderPlaced'] });
      expect(ofActors(await drain(byType), [wanted, other]).map(({ event }) => event.actorId)).toEqual([
        wanted,
        other,
      ]);
      const byActor = store().subscribe({ after: before, live: false, actorPattern: wanted });
      expect((await drain(byActor)).map(({ event }) => event.version)).toEqual([1, 2]);
    });

    it('delivers the events saved together one after the other, at one position', async () => {
      const actorId = newId('order');
      const before = await store().headPosition();
      await store().saveEvents(batchOf(newId, actorId, 1, 4));
      const received = ofActors(await drain(store().subscribe({ after: before, live: false })), [actorId]);
      expect(received.map(({ event }) => event.version)).toEqual([1, 2, 3, 4]);
      expect(new Set(positionsOf(received)).size).toBe(1);
    });

    it('ends the iteration on close() and on its signal, and rejects caughtUp if it had not caught up', async () => {
      const subscription = store().subscribe({ after: 'end' });
      const reading = drain(subscription);
      await subscription.close();
      await reading;
      const controller = new AbortController();
      const aborted = store().subscribe({ after: 'end', signal: controller.signal });
      const abortedReading = drain(aborted);
      controller.abort();
      await abortedReading;
    });

    it('is caught up between saves made while it catches up, with no gap and no duplicate at the boundary', async () => {
      const actorId = newId('order');
      const before = await store().headPosition();
      await store().saveEvents(batchOf(newId, actorId, 1, 20));
      const subscription = store().subscribe({ after: before, actorPattern: actorId });
      const writing = (async () => {
        for (let version = 21; version <= 60; version++)
          await store().saveEvents(batchOf(newId, actorId, version, 1));
      })();
      const received = await collect(subscription, (events) => events.length >= 60);
      await writing;
      await subscription.close();
      expect(received.map(({ event }) => event.version)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      expect(received).toEqual(ofActors(await store().readAll({ after: before }), [actorId]));
    });

    it.each([
      ['a negative after', { after: -2 }, 'after'],
      ['a fractional after', { after: 0.5 }, 'after'],
      ["an after that is neither a position nor 'end'", { after: 'start' }, 'after'],
      ['eventTypes that are not an array', { eventTypes: 'OrderPlaced' }, 'eventTypes'],
      ['an empty event type', { eventTypes: [''] }, 'eventTypes[0]'],
      ['a bad actor pattern', { actorPattern: 'a.>.b' }, 'actorPattern'],
      ['live that is not a boolean', { live: 'yes' }, 'live'],
      ['a signal that is not an AbortSignal', { signal: {} }, 'signal'],
    ])('refuses %s with a ValidationError, before reading anything', (_case, options, field) => {
      let error: unknown;
      try {
        store().subscribe(options as never);
      } catch (caught) {
        error = caught;
      }
      expectValidationError(error, field);
    });
  });
}
