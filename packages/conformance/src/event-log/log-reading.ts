import { describe, expect, it } from 'vitest';
import { batchOf, type LogStore, ofActors, positionsOf } from '../store-kit/log-kit.js';
import { expectValidationError, rejectionOf } from '../store-kit/outcomes.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function logReadingTests({ store, newId }: SuiteContext<LogStore>): void {
  describe('reading the log: headPosition and readAll', () => {
    it('gives every save the next position, in the order the saves were made, the same on every read', async () => {
      const actorIds = [newId('order'), newId('order')];
      const before = await store().headPosition();
      const saved = [];
      for (let version = 1; version <= 3; version++) {
        for (const actorId of actorIds) {
          const [event] = batchOf(newId, actorId, version, 1);
          await store().saveEvent(event as never);
          saved.push(event);
        }
      }
      const read = ofActors(await store().readAll({ after: before }), actorIds);
      expect(read.map(({ event }) => event)).toEqual(saved);
      const positions = positionsOf(read);
      expect(
        positions.every((position, index) => index === 0 || position > (positions[index - 1] as number)),
      ).toBe(true);
      expect(positions[0]).toBeGreaterThan(before);
      expect(await store().headPosition()).toBeGreaterThanOrEqual(positions.at(-1) as number);
      expect(ofActors(await store().readAll({ after: before }), actorIds)).toEqual(read);
    });

    it('reads after a position, exclusive, and nothing after the head', async () => {
      const actorId = newId('order');
      const before = await store().headPosition();
      await store().saveEvents(batchOf(newId, actorId, 1, 1));
      await store().saveEvents(batchOf(newId, actorId, 2, 1));
      const [first, second] = ofActors(await store().readAll({ after: before }), [actorId]);
      expect(ofActors(await store().readAll({ after: first?.position }), [actorId])).toEqual([second]);
      expect(await store().readAll({ after: await store().headPosition() })).toEqual([]);
    });

    it('stops at the limit, never splitting the events saved together; a first batch larger than the limit comes whole', async () => {
      const actorId = newId('order');
      const before = await store().headPosition();
      await store().saveEvents(batchOf(newId, actorId, 1, 2));
      await store().saveEvents(batchOf(newId, actorId, 3, 3));
      const firstPage = await store().readAll({ after: before, limit: 4 });
      expect(firstPage.map(({ event }) => event.version)).toEqual([1, 2]);
      const secondPage = await store().readAll({ after: firstPage[1]?.position, limit: 2 });
      expect(secondPage.map(({ event }) => event.version)).toEqual([3, 4, 5]);
      expect((await store().readAll({ after: before, limit: 1 })).map(({ event }) => event.version)).toEqual([
        1, 2,
      ]);
    });

    it.each([
      ['a negative after', { after: -1 }, 'after'],
      ['a fractional after', { after: 1.5 }, 'after'],
      ['NaN as after', { after: Number.NaN }, 'after'],
      ['a string as after', { after: '3' }, 'after'],
      ['a limit of 0', { limit: 0 }, 'limit'],
      ['a fractional limit', { limit: 2.5 }, 'limit'],
      ['options that are not an object', 'all', 'options'],
    ])('refuses %s with a ValidationError', async (_case, options, field) => {
      const error = await rejectionOf(() => store().readAll(options as never));
      expectValidationError(error, field);
    });
  });
}
