import type { EventStore } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { expectVersionConflict } from '../store-kit/outcomes.js';
import { sampleEvent } from '../store-kit/sample-events.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function concurrencyTests({ store, newId }: SuiteContext<EventStore>, writers: number): void {
  async function race(actorId: string, version: number) {
    const contenders = Array.from({ length: writers }, (_, writer) =>
      sampleEvent(newId(`writer-${writer}`), actorId, version, { data: { writer } }),
    );
    const outcomes = await Promise.allSettled(contenders.map((event) => store().saveEvent(event)));
    const winners = contenders.filter((_, index) => outcomes[index]?.status === 'fulfilled');
    expect(winners, 'exactly one concurrent save of the same version succeeds').toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        expectVersionConflict(outcome.reason, {
          actorId,
          attemptedVersion: version,
          currentVersion: version,
        });
      }
    }
    return winners[0];
  }

  describe('concurrent writers', () => {
    it(`lets exactly one of ${writers} concurrent saves of the next version win; the rest conflict`, async () => {
      const actorId = newId('order');
      const first = sampleEvent(newId('event'), actorId, 1);
      await store().saveEvent(first);
      const winner = await race(actorId, 2);
      expect(await store().getEvents(actorId)).toEqual([first, winner]);
      expect(await store().getLatestVersion(actorId)).toBe(2);
    });

    it(`lets exactly one of ${writers} concurrent first saves of a new actor win`, async () => {
      const actorId = newId('order');
      const winner = await race(actorId, 1);
      expect(await store().getEvents(actorId)).toEqual([winner]);
    });

    it(`saves to ${writers} different actors at the same time, all of them`, async () => {
      const actorIds = Array.from({ length: writers }, () => newId('order'));
      const histories = actorIds.map((actorId) =>
        [1, 2, 3].map((version) => sampleEvent(newId('event'), actorId, version)),
      );
      await Promise.all(
        histories.map(async (events) => {
          for (const event of events) await store().saveEvent(event);
        }),
      );
      for (const [index, actorId] of actorIds.entries()) {
        expect(await store().getEvents(actorId)).toEqual(histories[index]);
      }
    });
  });
}
