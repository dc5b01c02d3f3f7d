import type { Event, RecordedEvent } from '@aether/core';
import { loadState } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withUpcasting } from './store/with-upcasting.js';
import { asCurrent, asWritten, type Step, stepArbitrary } from './test-support/mixed-history.js';
import { emptyOrder, evolve, newActor, type OrderEvent, orderUpcasters } from './test-support/orders.js';

const shapes = (events: readonly Event[]) =>
  events.map(({ eventType, version, data }) => ({ eventType, version, data }));

describe('a mixed v1/v2/v3 history', () => {
  it('folds to the same state as the same history written in v3, by every read path', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 30 }), async (steps: Step[]) => {
        const inner = new InMemoryEventStore();
        const store = withUpcasting(inner, orderUpcasters);
        const mixed = newActor('mixed');
        const current = newActor('v3');
        // The mixed actor as old code wrote it, straight into the store; the other through the wrapper.
        for (const [index, step] of steps.entries()) await inner.saveEvent(asWritten(mixed, index + 1, step));
        for (const [index, step] of steps.entries())
          await store.saveEvent(asCurrent(current, index + 1, step));

        const expected = await loadState(store, current, evolve, emptyOrder);
        expect(await loadState(store, mixed, evolve, emptyOrder)).toEqual(expected);
        expect(shapes(await store.getEvents(mixed))).toEqual(shapes(await store.getEvents(current)));

        const log = await store.readAll();
        const ofActor = (actorId: string) =>
          log.filter(({ event }) => event.actorId === actorId).map(({ event }) => event as OrderEvent);
        expect(ofActor(mixed).reduce(evolve, emptyOrder)).toEqual(expected.state);
        expect(shapes(ofActor(mixed))).toEqual(shapes(ofActor(current)));

        const followed: RecordedEvent[] = [];
        for await (const recorded of store.subscribe({ actorPattern: mixed, live: false }))
          followed.push(recorded);
        expect(followed.map(({ event }) => event as OrderEvent).reduce(evolve, emptyOrder)).toEqual(
          expected.state,
        );
      }),
      { numRuns: 60 },
    );
  });
});
