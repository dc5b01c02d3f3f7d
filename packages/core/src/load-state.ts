import type { Event } from './event.js';
import type { EventStore, SnapshotStore } from './event-store.js';
import { type Reducer, type ReplayResult, replay } from './replay.js';

/**
 * Loads an actor's current state from a store: from its latest snapshot plus the newer events
 * when the store keeps snapshots, otherwise from all of its events.
 */
export async function loadState<State, E extends Event<string, unknown> = Event>(
  store: EventStore,
  actorId: string,
  reducer: Reducer<State, E>,
  initial: State,
): Promise<ReplayResult<State>> {
  const snapshot = isSnapshotStore(store) ? await store.getLatestSnapshot(actorId) : undefined;
  if (snapshot === undefined) {
    const events = (await store.getEvents(actorId)) as unknown as E[];
    return replay(events, reducer, { initial });
  }
  const tail = (await store.getEvents(actorId, snapshot.version + 1)) as unknown as E[];
  return replay(tail, reducer, { snapshot: { ...snapshot, state: snapshot.state as State } });
}

export function isSnapshotStore(store: EventStore): store is SnapshotStore {
  const candidate = store as Partial<SnapshotStore>;
  return typeof candidate.getLatestSnapshot === 'function' && typeof candidate.saveSnapshot === 'function';
}
