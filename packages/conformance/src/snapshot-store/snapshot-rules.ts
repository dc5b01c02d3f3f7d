import type { ActorSnapshot, SnapshotStore } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { invalidSnapshotCases } from '../store-kit/invalid-snapshots.js';
import { expectValidationError, rejectionOf } from '../store-kit/outcomes.js';
import { sampleEvent } from '../store-kit/sample-events.js';
import { sampleSnapshot } from '../store-kit/sample-snapshots.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function snapshotRuleTests({ store, newId }: SuiteContext<SnapshotStore>): void {
  async function actorAt(version: number): Promise<string> {
    const actorId = newId('order');
    for (let next = 1; next <= version; next++)
      await store().saveEvent(sampleEvent(newId('event'), actorId, next));
    return actorId;
  }

  describe('snapshot rules', () => {
    it("rejects a snapshot ahead of the actor's latest version with a ValidationError", async () => {
      const actorId = await actorAt(2);
      expectValidationError(
        await rejectionOf(() => store().saveSnapshot(sampleSnapshot(actorId, 3))),
        'version',
      );
      expect(await store().getLatestSnapshot(actorId)).toBeUndefined();
    });

    it('rejects a snapshot of an actor without events', async () => {
      const actorId = newId('unknown');
      expectValidationError(
        await rejectionOf(() => store().saveSnapshot(sampleSnapshot(actorId, 1))),
        'version',
      );
      expect(await store().getLatestSnapshot(actorId)).toBeUndefined();
    });

    it('keeps the previous snapshot when one ahead of the events is rejected', async () => {
      const actorId = await actorAt(2);
      const kept = sampleSnapshot(actorId, 2);
      await store().saveSnapshot(kept);
      await rejectionOf(() => store().saveSnapshot(sampleSnapshot(actorId, 10)));
      expect(await store().getLatestSnapshot(actorId)).toEqual(kept);
    });

    for (const { name, field, corrupt } of invalidSnapshotCases) {
      it(`rejects a snapshot with ${name} with a ValidationError naming ${field}, storing nothing`, async () => {
        const actorId = await actorAt(1);
        const invalid = corrupt(sampleSnapshot(actorId, 1)) as ActorSnapshot;
        expectValidationError(await rejectionOf(() => store().saveSnapshot(invalid)), field);
        expect(await store().getLatestSnapshot(actorId)).toBeUndefined();
      });
    }
  });
}
