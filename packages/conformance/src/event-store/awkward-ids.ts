import { type EventStore, MAX_EVENT_ID_LENGTH } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { awkwardEventIds, awkwardIds, longIdLength } from '../store-kit/awkward-ids.js';
import { sampleEvent } from '../store-kit/sample-events.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function awkwardIdTests({ store, newId }: SuiteContext<EventStore>): void {
  describe('awkward ids', () => {
    it(`keeps actors apart whose ids hold '.', '*', '>', whitespace, '/', Unicode or ${longIdLength} characters`, async () => {
      const actorIds = awkwardIds(newId('actor'));
      // Actor n gets n % 3 + 1 events, so a store that mixes two actors up shows the wrong count.
      const histories = actorIds.map((actorId, index) =>
        Array.from({ length: (index % 3) + 1 }, (_, offset) =>
          sampleEvent(newId('event'), actorId, offset + 1, { data: { actorId } }),
        ),
      );
      for (const events of histories) for (const event of events) await store().saveEvent(event);

      for (const [index, actorId] of actorIds.entries()) {
        const expected = histories[index] ?? [];
        expect(await store().getLatestVersion(actorId), `latest version of ${JSON.stringify(actorId)}`).toBe(
          expected.length,
        );
        expect(await store().getEvents(actorId), `events of ${JSON.stringify(actorId)}`).toEqual(expected);
      }
    });

    it("never shows actor 'a' the events of 'a.b', 'a.*' or 'a.>', nor the other way round", async () => {
      const a = newId('actor');
      const family = [a, `${a}.b`, `${a}.*`, `${a}.>`];
      const only = sampleEvent(newId('event'), `${a}.b`, 1);
      await store().saveEvent(only);
      expect(await store().getEvents(`${a}.b`)).toEqual([only]);
      for (const actorId of family.filter((id) => id !== `${a}.b`)) {
        expect(await store().getEvents(actorId), JSON.stringify(actorId)).toEqual([]);
        expect(await store().getLatestVersion(actorId), JSON.stringify(actorId)).toBe(0);
      }
    });

    it(`round-trips event ids with the same characters and of ${MAX_EVENT_ID_LENGTH} characters, and such event types`, async () => {
      const actorId = newId('order');
      const events = awkwardEventIds(newId('event')).map((id, index) =>
        sampleEvent(id, actorId, index + 1, { eventType: `Order.Item*Added>/v2 ✓ ${index}` }),
      );
      expect(events.at(-1)?.id).toHaveLength(MAX_EVENT_ID_LENGTH);
      for (const event of events) await store().saveEvent(event);
      const read = await store().getEvents(actorId);
      expect(read.map((event) => event.id)).toEqual(events.map((event) => event.id));
      expect(read).toEqual(events);
    });
  });
}
