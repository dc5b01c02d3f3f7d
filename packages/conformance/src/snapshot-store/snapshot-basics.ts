import type { SnapshotStore } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { awkwardIds } from '../store-kit/awkward-ids.js';
import { sampleEvent } from '../store-kit/sample-events.js';
import { sampleSnapshot } from '../store-kit/sample-snapshots.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function snapshotBasicsTests({ store, newId }: SuiteContext<SnapshotStore>): void {
  async function actorAt(version: number, actorId = newId('order')): Promise<string> {
    for (let next = 1; next <= version; next++)
      await store().saveEvent(sampleEvent(newId('event'), actorId, next));
    return actorId;
  }

  describe('snapshots', () => {
    it('an unknown actor has no snapshot, and asking does not throw', async () => {
      expect(await store().getLatestSnapshot(newId('unknown'))).toBeUndefined();
    });

    it('an actor with events but no snapshot has none', async () => {
      expect(await store().getLatestSnapshot(await actorAt(2))).toBeUndefined();
    });

    it('returns a saved snapshot with every field as saved', async () => {
      const actorId = await actorAt(3);
      const snapshot = sampleSnapshot(actorId, 2);
      await store().saveSnapshot(snapshot);
      expect(await store().getLatestSnapshot(actorId)).toEqual(snapshot);
    });

    it("accepts a snapshot at the actor's latest version", async () => {
      const actorId = await actorAt(3);
      const snapshot = sampleSnapshot(actorId, 3);
      await store().saveSnapshot(snapshot);
      expect(await store().getLatestSnapshot(actorId)).toEqual(snapshot);
    });

    it('keeps the latest snapshot: a newer one replaces the older', async () => {
      const actorId = await actorAt(5);
      await store().saveSnapshot(sampleSnapshot(actorId, 2));
      const newer = sampleSnapshot(actorId, 5);
      await store().saveSnapshot(newer);
      expect(await store().getLatestSnapshot(actorId)).toEqual(newer);
    });

    it('leaves the events alone: saving a snapshot neither adds nor removes any', async () => {
      const actorId = await actorAt(3);
      const before = await store().getEvents(actorId);
      await store().saveSnapshot(sampleSnapshot(actorId, 3));
      expect(await store().getEvents(actorId)).toEqual(before);
      expect(await store().getLatestVersion(actorId)).toBe(3);
    });

    it('keeps the snapshots of actors with awkward ids apart', async () => {
      const actorIds = awkwardIds(newId('actor'));
      for (const actorId of actorIds) await actorAt(1, actorId);
      const [first, ...others] = actorIds;
      if (first === undefined) throw new Error('no awkward ids');
      await store().saveSnapshot(sampleSnapshot(first, 1));
      for (const actorId of others) {
        expect(await store().getLatestSnapshot(actorId), JSON.stringify(actorId)).toBeUndefined();
      }
      for (const actorId of others) await store().saveSnapshot(sampleSnapshot(actorId, 1));
      for (const actorId of actorIds) {
        expect(await store().getLatestSnapshot(actorId), JSON.stringify(actorId)).toEqual(
          sampleSnapshot(actorId, 1),
        );
      }
    });
  });
}
