import type { Event } from './event.js';
import type { EventStore, SnapshotStore } from './event-store.js';
import { type Reducer, type ReplayResult, replay } from './replay.js';

export interface LoadedState<State> extends ReplayResult<State> {
  /** The version of the snapshot the replay started from, or `undefined` when it started from scratch. */
  snapshotVersion: number | undefined;
}

/**
 * Loads an actor's current state from a store: from its latest snapshot plus the newer events
 * when the store keeps snapshots, otherwise from all of its events.
 */
export async function loadState<State, E extends Event<string, unknown> = Event>(
  store: EventStore,
  actorId: string,
  reducer: Reducer<State, E>,
  initial: State,
): Promise<LoadedState<State>> {
  const snapshot = isSnapshotStore(store) ? await store.getLatestSnapshot(actorId) : undefined;
  if (snapshot === undefined) {
    const events = (await store.getEvents(actorId)) as unknown as E[];
    return { ...replay(events, reducer, { initial }), snapshotVersion: undefined };
  }
  const tail = (await store.getEvents(actorId, snapshot.version + 1)) as unknown as E[];
  const start = { snapshot: { ...snapshot, state: snapshot.state as State } };
  return { ...replay(tail, reducer, start), snapshotVersion: snapshot.version };
}

export function isSnapshotStore(store: EventStore): store is SnapshotStore {
  const candidate = store as Partial<SnapshotStore>;
  return typeof candidate.getLatestSnapshot === 'function' && typeof candidate.saveSnapshot === 'function';
}
