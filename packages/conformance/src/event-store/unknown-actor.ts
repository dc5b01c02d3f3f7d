import type { EventStore } from '@aether/core';
import { describe, expect, it } from 'vitest';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function unknownActorTests({ store, newId }: SuiteContext<EventStore>): void {
  describe('an unknown actor', () => {
    it('has version 0', async () => {
      expect(await store().getLatestVersion(newId('unknown'))).toBe(0);
    });

    it('has no events, from any version', async () => {
      const actorId = newId('unknown');
      expect(await store().getEvents(actorId)).toEqual([]);
      expect(await store().getEvents(actorId, 1)).toEqual([]);
      expect(await store().getEvents(actorId, 1_000)).toEqual([]);
    });

    it('is unaffected by other actors that do have events', async () => {
      const known = newId('known');
      await store().saveEvent({
        id: newId('event'),
        eventType: 'Opened',
        actorId: known,
        version: 1,
        data: {},
        timestamp: new Date(),
      });
      expect(await store().getLatestVersion(`${known}-other`)).toBe(0);
      expect(await store().getEvents(`${known}-other`)).toEqual([]);
    });
  });
}
