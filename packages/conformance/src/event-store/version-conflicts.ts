import type { EventStore } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { expectVersionConflict, rejectionOf } from '../store-kit/outcomes.js';
import { type MutableEvent, sampleEvent, saveHistory } from '../store-kit/sample-events.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function versionConflictTests({ store, newId }: SuiteContext<EventStore>): void {
  const saveVersions = (actorId: string, versions: number[]) =>
    saveHistory(store(), newId, actorId, versions);

  async function expectConflictStoresNothing(
    actorId: string,
    attemptedVersion: number,
    stored: MutableEvent[],
  ) {
    const currentVersion = stored.at(-1)?.version ?? 0;
    const stale = sampleEvent(newId('stale'), actorId, attemptedVersion, { data: { stale: true } });
    const error = await rejectionOf(() => store().saveEvent(stale));
    expectVersionConflict(error, { actorId, attemptedVersion, currentVersion });
    expect(await store().getLatestVersion(actorId)).toBe(currentVersion);
    expect(await store().getEvents(actorId)).toEqual(stored);
  }

  describe('version conflicts', () => {
    it('rejects the latest version again with a VersionConflictError and stores nothing', async () => {
      const actorId = newId('order');
      await expectConflictStoresNothing(actorId, 2, await saveVersions(actorId, [1, 2]));
    });

    it('rejects a lower version, naming the real current version', async () => {
      const actorId = newId('order');
      await expectConflictStoresNothing(actorId, 1, await saveVersions(actorId, [1, 2, 3]));
    });

    it('rejects a version that falls in a gap below the latest', async () => {
      const actorId = newId('order');
      await expectConflictStoresNothing(actorId, 7, await saveVersions(actorId, [1, 5, 10]));
    });

    it('rejects the first version twice', async () => {
      const actorId = newId('order');
      await expectConflictStoresNothing(actorId, 1, await saveVersions(actorId, [1]));
    });

    it('accepts the next version after a rejected one', async () => {
      const actorId = newId('order');
      const stored = await saveVersions(actorId, [1, 2]);
      await rejectionOf(() => store().saveEvent(sampleEvent(newId('stale'), actorId, 2)));
      const next = sampleEvent(newId('event'), actorId, 3);
      await store().saveEvent(next);
      expect(await store().getEvents(actorId)).toEqual([...stored, next]);
    });

    it('says in its message which actor and versions conflict', async () => {
      const actorId = newId('order');
      await saveVersions(actorId, [1, 2, 3]);
      const error = await rejectionOf(() => store().saveEvent(sampleEvent(newId('stale'), actorId, 2)));
      expect(String((error as Error).message)).toMatch(/version conflict/i);
      expect((error as Error).message).toContain(actorId);
    });
  });
}
