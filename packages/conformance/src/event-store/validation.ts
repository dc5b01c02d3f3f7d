import type { AnyEvent, EventStore } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { invalidEventCases } from '../store-kit/invalid-events.js';
import { expectValidationError, rejectionOf } from '../store-kit/outcomes.js';
import { sampleEvent } from '../store-kit/sample-events.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function validationTests({ store, newId }: SuiteContext<EventStore>): void {
  describe('malformed events', () => {
    for (const { name, field, corrupt } of invalidEventCases) {
      it(`rejects ${name} with a ValidationError naming ${field}, storing nothing`, async () => {
        const actorId = newId('order');
        const invalid = corrupt(sampleEvent(newId('event'), actorId, 1)) as AnyEvent;
        expectValidationError(await rejectionOf(() => store().saveEvent(invalid)), field);
        expect(await store().getLatestVersion(actorId)).toBe(0);
        expect(await store().getEvents(actorId)).toEqual([]);
      });
    }

    it('rejects a malformed next event of an existing actor and keeps its history', async () => {
      const actorId = newId('order');
      const first = sampleEvent(newId('event'), actorId, 1);
      await store().saveEvent(first);
      const invalid = { ...sampleEvent(newId('event'), actorId, 2), data: { fn: () => 2 } };
      expectValidationError(await rejectionOf(() => store().saveEvent(invalid)), 'data.fn');
      expect(await store().getLatestVersion(actorId)).toBe(1);
      expect(await store().getEvents(actorId)).toEqual([first]);
    });
  });
}
