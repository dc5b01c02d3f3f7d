import type { ActorSnapshot, SnapshotStore } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { tryToMutate } from '../store-kit/outcomes.js';
import { sampleEvent } from '../store-kit/sample-events.js';
import { sampleSnapshot } from '../store-kit/sample-snapshots.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

type Loose = Record<string, unknown>;

function mutateEverything(snapshot: ActorSnapshot): void {
  const target = snapshot as unknown as Loose;
  const state = snapshot.state as Loose;
  tryToMutate(() => {
    target.version = 999;
  });
  tryToMutate(() => {
    target.state = { replaced: true };
  });
  tryToMutate(() => {
    state.status = 'changed';
  });
  tryToMutate(() => {
    (state.items as unknown[]).push({ sku: 'pushed' });
  });
  tryToMutate(() => {
    (state.totals as Loose).net = 0;
  });
  tryToMutate(() => {
    snapshot.timestamp.setTime(0);
  });
}

export function snapshotImmutabilityTests({ store, newId }: SuiteContext<SnapshotStore>): void {
  async function actorWithSnapshot() {
    const actorId = newId('order');
    await store().saveEvent(sampleEvent(newId('event'), actorId, 1));
    const snapshot = sampleSnapshot(actorId, 1);
    await store().saveSnapshot(snapshot);
    return { actorId, snapshot };
  }

  describe('immutable snapshots', () => {
    it('is unchanged when the saved snapshot object is changed afterwards', async () => {
      const { actorId, snapshot } = await actorWithSnapshot();
      const original = structuredClone(snapshot);
      mutateEverything(snapshot);
      expect(snapshot.timestamp.getTime(), 'the caller object really was changed').toBe(0);
      expect(await store().getLatestSnapshot(actorId)).toEqual(original);
    });

    it('is unchanged when a snapshot it returned (or its state or timestamp) is changed', async () => {
      const { actorId, snapshot } = await actorWithSnapshot();
      const returned = await store().getLatestSnapshot(actorId);
      if (returned === undefined) throw new Error('the saved snapshot was not returned');
      mutateEverything(returned);
      expect(await store().getLatestSnapshot(actorId)).toEqual(snapshot);
    });
  });
}
