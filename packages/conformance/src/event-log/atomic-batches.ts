import { MAX_EVENT_BYTES } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { batchOf, type LogStore, ofActors } from '../store-kit/log-kit.js';
import { expectValidationError, expectVersionConflict, rejectionOf } from '../store-kit/outcomes.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function atomicBatchTests({ store, newId }: SuiteContext<LogStore>): void {
  describe('saveEvents: several events of one actor, all or nothing', () => {
    it('stores every event of the batch, read back by getEvents and getLatestVersion', async () => {
      const actorId = newId('order');
      const first = batchOf(newId, actorId, 1, 1);
      const batch = batchOf(newId, actorId, 2, 3);
      await store().saveEvents(first);
      await store().saveEvents(batch);
      expect(await store().getEvents(actorId)).toEqual([...first, ...batch]);
      expect(await store().getEvents(actorId, 3)).toEqual(batch.slice(1));
      expect(await store().getLatestVersion(actorId)).toBe(4);
    });

    it('gives the events of a batch one position, and delivers them together in version order', async () => {
      const actorId = newId('order');
      const before = await store().headPosition();
      await store().saveEvents(batchOf(newId, actorId, 1, 3));
      await store().saveEvent(batchOf(newId, actorId, 4, 1)[0] as never);
      const read = ofActors(await store().readAll({ after: before }), [actorId]);
      expect(read.map(({ event }) => event.version)).toEqual([1, 2, 3, 4]);
      const [a, b, c, d] = read.map(({ position }) => position) as number[];
      expect(new Set([a, b, c]).size).toBe(1);
      expect(d).toBeGreaterThan(a as number);
      expect(await store().headPosition()).toBeGreaterThanOrEqual(d as number);
    });

    it('refuses the whole batch with one VersionConflictError when its first version is taken', async () => {
      const actorId = newId('order');
      const stored = batchOf(newId, actorId, 1, 2);
      await store().saveEvents(stored);
      const error = await rejectionOf(() => store().saveEvents(batchOf(newId, actorId, 2, 3)));
      expectVersionConflict(error, { actorId, attemptedVersion: 2, currentVersion: 2 });
      expect(await store().getEvents(actorId)).toEqual(stored);
    });

    it('lets exactly one of several concurrent batches of the same versions win, whole', async () => {
      const actorId = newId('order');
      const batches = Array.from({ length: 5 }, () => batchOf(newId, actorId, 1, 3));
      const outcomes = await Promise.allSettled(batches.map((batch) => store().saveEvents(batch)));
      const winners = batches.filter((_, index) => outcomes[index]?.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      expect(await store().getEvents(actorId)).toEqual(winners[0]);
    });

    type Make = (id: (label: string) => string, actorId: string) => unknown;
    it.each<[string, Make, string]>([
      ['an empty batch', () => [], 'events'],
      [
        'events of two actors',
        (id, a) => [...batchOf(id, a, 1, 1), ...batchOf(id, `${a}-other`, 2, 1)],
        'events[1].actorId',
      ],
      [
        'a gap in the versions',
        (id, a) => [...batchOf(id, a, 1, 1), ...batchOf(id, a, 3, 1)],
        'events[1].version',
      ],
      [
        'versions out of order',
        (id, a) => [...batchOf(id, a, 2, 1), ...batchOf(id, a, 1, 1)],
        'events[1].version',
      ],
      [
        'an invalid event inside',
        (id, a) => [...batchOf(id, a, 1, 1), { ...batchOf(id, a, 2, 1)[0], id: '' }],
        'events[1].id',
      ],
      ['not an array', () => 'events', 'events'],
    ])('refuses %s with a ValidationError naming the field, storing nothing', async (_case, make, field) => {
      const actorId = newId('order');
      const error = await rejectionOf(() => store().saveEvents(make(newId, actorId) as never));
      expectValidationError(error, field);
      expect(await store().getLatestVersion(actorId)).toBe(0);
    });

    it(`refuses a batch larger than MAX_EVENT_BYTES (${MAX_EVENT_BYTES}) together, naming the limit`, async () => {
      const actorId = newId('order');
      const big = 'x'.repeat(400_000);
      const batch = batchOf(newId, actorId, 1, 3).map((event) => ({ ...event, data: { big } }));
      const error = await rejectionOf(() => store().saveEvents(batch));
      expectValidationError(error, 'events');
      expect(String((error as Error).message)).toContain(String(MAX_EVENT_BYTES));
      expect(await store().getLatestVersion(actorId)).toBe(0);
    });
  });
}
