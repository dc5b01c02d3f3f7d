import type { AnyEvent, Event, EventStore } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { tryToMutate } from '../store-kit/outcomes.js';
import { sampleEvent } from '../store-kit/sample-events.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

type Loose = Record<string, unknown>;

/** Every change a careless caller could make to an event object, attempted one by one. */
function mutateEverything(event: AnyEvent): void {
  const target = event as unknown as Loose;
  const data = event.data as Loose;
  const shipping = data.shipping as Loose;
  tryToMutate(() => {
    target.version = 999;
  });
  tryToMutate(() => {
    target.id = 'rewritten';
  });
  tryToMutate(() => {
    target.eventType = 'Rewritten';
  });
  tryToMutate(() => {
    target.data = { replaced: true };
  });
  tryToMutate(() => {
    data.sku = 'changed';
  });
  tryToMutate(() => {
    data.added = 'new key';
  });
  tryToMutate(() => {
    delete data.quantity;
  });
  tryToMutate(() => {
    (data.tags as unknown[]).push('pushed');
  });
  tryToMutate(() => {
    shipping.city = 'Elsewhere';
  });
  tryToMutate(() => {
    ((shipping.lines as Loose[])[0] as Loose).line = 99;
  });
  tryToMutate(() => {
    (event.metadata as Loose).correlationId = 'changed';
  });
  tryToMutate(() => {
    event.timestamp.setTime(0);
  });
  tryToMutate(() => {
    event.timestamp.setFullYear(1999);
  });
}

export function immutabilityTests({ store, newId }: SuiteContext<EventStore>): void {
  describe('immutable history', () => {
    it('is unchanged when the saved event object is changed afterwards', async () => {
      const actorId = newId('order');
      const event = sampleEvent(newId('event'), actorId, 1);
      const original = structuredClone(event);
      await store().saveEvent(event);

      mutateEverything(event);
      expect(event.timestamp.getTime(), 'the caller object really was changed').toBe(
        new Date(0).setFullYear(1999),
      );
      expect(await store().getEvents(actorId)).toEqual([original]);
      expect(await store().getLatestVersion(actorId)).toBe(1);
    });

    it('is unchanged when an event it returned (or its data or timestamp) is changed', async () => {
      const actorId = newId('order');
      const event = sampleEvent(newId('event'), actorId, 1);
      await store().saveEvent(event);

      const [returned] = await store().getEvents(actorId);
      if (returned === undefined) throw new Error('the saved event was not returned');
      mutateEverything(returned);
      expect(await store().getEvents(actorId)).toEqual([event]);
      expect((await store().getEvents(actorId))[0]?.timestamp.getTime()).toBe(event.timestamp.getTime());
    });

    it('is unchanged when the array it returned is changed', async () => {
      const actorId = newId('order');
      const events = [1, 2].map((version) => sampleEvent(newId('event'), actorId, version));
      for (const event of events) await store().saveEvent(event);

      const returned = await store().getEvents(actorId);
      tryToMutate(() => {
        returned.pop();
        returned.reverse();
        returned.push(returned[0] as Event);
      });
      expect(await store().getEvents(actorId)).toEqual(events);
    });
  });
}
