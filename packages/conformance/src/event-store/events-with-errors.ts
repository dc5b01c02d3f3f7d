import type { EventStore, EventStoreWithErrors } from '@aether/core';
import { describe, expect, it, type TestContext } from 'vitest';
import { expectValidationError, rejectionOf } from '../store-kit/outcomes.js';
import { sampleEvent } from '../store-kit/sample-events.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

function withErrorsApi(store: EventStore, context: TestContext): EventStoreWithErrors {
  const candidate = store as Partial<EventStoreWithErrors>;
  if (typeof candidate.getEventsWithErrors !== 'function') {
    context.skip('the store does not implement getEventsWithErrors');
  }
  return store as EventStoreWithErrors;
}

export function eventsWithErrorsTests({ store, newId }: SuiteContext<EventStore>): void {
  describe('getEventsWithErrors (stores that implement it)', () => {
    it('returns no events, no errors and no rejected saves for an unknown actor', async (context) => {
      const subject = withErrorsApi(store(), context);
      const { events, errors, rejected } = await subject.getEventsWithErrors(newId('unknown'));
      expect({ events, errors, rejected: rejected ?? [] }).toEqual({ events: [], errors: [], rejected: [] });
    });

    it('returns the same events as getEvents, and no errors or rejected saves, for well-formed data', async (context) => {
      const subject = withErrorsApi(store(), context);
      const actorId = newId('order');
      const events = [1, 2, 4].map((version) => sampleEvent(newId('event'), actorId, version));
      for (const event of events) await subject.saveEvent(event);

      for (const fromVersion of [undefined, 0, 1, 2, 3, 4, 5]) {
        const { events: read, errors, rejected } = await subject.getEventsWithErrors(actorId, fromVersion);
        expect(read, `from version ${fromVersion}`).toEqual(await subject.getEvents(actorId, fromVersion));
        expect(errors).toEqual([]);
        expect(rejected ?? []).toEqual([]);
      }
      expect((await subject.getEventsWithErrors(actorId, 2)).events).toEqual(events.slice(1));
    });

    it('rejects a negative fromVersion with a ValidationError', async (context) => {
      const subject = withErrorsApi(store(), context);
      const error = await rejectionOf(() => subject.getEventsWithErrors(newId('order'), -1));
      expectValidationError(error, 'fromVersion');
    });
  });
}
