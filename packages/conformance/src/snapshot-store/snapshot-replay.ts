import { type Event, type EventStore, loadState, replay, type SnapshotStore } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../store-kit/sample-events.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

type Tally = { count: number; quantity: number; skus: string[] };
const empty: Tally = { count: 0, quantity: 0, skus: [] };

function tally(state: Tally, event: Event): Tally {
  const { sku, quantity } = event.data as { sku: string; quantity: number };
  return { count: state.count + 1, quantity: state.quantity + quantity, skus: [...state.skus, sku] };
}

/** The parts of a replay result every version of `loadState` reports. */
function outcome({ state, version, applied }: { state: Tally; version: number; applied: number }) {
  return { state, version, applied };
}

/** The same store seen as a plain EventStore, so `loadState` replays every event. */
function eventsOnly(store: EventStore): EventStore {
  return {
    saveEvent: (event) => store.saveEvent(event),
    saveEvents: (events) => store.saveEvents(events),
    getEvents: (actorId, fromVersion) => store.getEvents(actorId, fromVersion),
    getLatestVersion: (actorId) => store.getLatestVersion(actorId),
  };
}

export function snapshotReplayTests({ store, newId }: SuiteContext<SnapshotStore>): void {
  async function actorWithSnapshot(snapshotAt: number, latest: number) {
    const actorId = newId('order');
    const events = Array.from({ length: latest }, (_, index) =>
      sampleEvent(newId('event'), actorId, index + 1, {
        data: { sku: `sku-${index + 1}`, quantity: index + 1 },
      }),
    );
    for (const event of events.slice(0, snapshotAt)) await store().saveEvent(event);
    const { state } = replay(await store().getEvents(actorId), tally, { initial: empty });
    await store().saveSnapshot({ actorId, version: snapshotAt, state, timestamp: new Date() });
    for (const event of events.slice(snapshotAt)) await store().saveEvent(event);
    return actorId;
  }

  describe('replaying from a snapshot', () => {
    it('gives the same state as a full replay, applying only the events after the snapshot', async () => {
      const actorId = await actorWithSnapshot(4, 6);
      const full = outcome(await loadState(eventsOnly(store()), actorId, tally, empty));
      const fromSnapshot = outcome(await loadState(store(), actorId, tally, empty));
      expect(full).toEqual({
        state: { count: 6, quantity: 21, skus: ['sku-1', 'sku-2', 'sku-3', 'sku-4', 'sku-5', 'sku-6'] },
        version: 6,
        applied: 6,
      });
      expect(fromSnapshot).toEqual({ ...full, applied: 2 });
    });

    it('applies nothing when the snapshot is at the latest version', async () => {
      const actorId = await actorWithSnapshot(3, 3);
      const full = outcome(await loadState(eventsOnly(store()), actorId, tally, empty));
      const fromSnapshot = outcome(await loadState(store(), actorId, tally, empty));
      expect(full.applied).toBe(3);
      expect(fromSnapshot).toEqual({ ...full, applied: 0 });
    });
  });
}
