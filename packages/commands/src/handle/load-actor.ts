import {
  type AnyEvent,
  type EventStore,
  isSnapshotStore,
  type LoadedState,
  loadState,
  replay,
} from '@aether/core';

// Per store, the version of each actor's latest snapshot as its last load here found it (0: none).
// Only a hint for where to start reading: every load still reads the snapshot itself.
const snapshotHints = new WeakMap<EventStore, Map<string, number>>();
// A hint is worth little for an actor not handled in a while: past this many, a store starts over.
const maxHintsPerStore = 10_000;

/**
 * Loads an actor as `loadState` does (its latest snapshot, then the events after it), in one round
 * trip instead of two: the snapshot and the events after the one this store had when the actor was
 * last loaded here are read at the same time. An actor not loaded here before is read that way
 * from its first event unless `expectSnapshots` (the caller saves snapshots, so a long history
 * behind one is likely): then the snapshot is read first. A newer snapshot is still used (replay
 * skips the events it covers); only an older one or none, which snapshots never move back to,
 * means reading again from there.
 */
export async function loadActor<State, E extends AnyEvent>(
  store: EventStore,
  actorId: string,
  evolve: (state: State, event: E) => State,
  initial: State,
  expectSnapshots: boolean,
): Promise<LoadedState<State>> {
  if (!isSnapshotStore(store)) return loadState(store, actorId, evolve, initial);
  const hint = snapshotHints.get(store)?.get(actorId) ?? (expectSnapshots ? undefined : 0);
  if (hint !== undefined) {
    const [snapshot, events] = await Promise.all([
      store.getLatestSnapshot(actorId),
      // The store gives back events of the actor's union, as loadState assumes too.
      store.getEvents(actorId, hint + 1) as Promise<unknown[]> as Promise<E[]>,
    ]);
    const snapshotVersion = snapshot?.version ?? 0;
    if (snapshotVersion >= hint) {
      rememberSnapshot(store, actorId, snapshotVersion);
      if (snapshot === undefined)
        return { ...replay(events, evolve, { initial }), snapshotVersion: undefined };
      const start = { snapshot: { ...snapshot, state: snapshot.state as State } };
      return { ...replay(events, evolve, start), snapshotVersion };
    }
  }
  const loaded = await loadState(store, actorId, evolve, initial);
  rememberSnapshot(store, actorId, loaded.snapshotVersion ?? 0);
  return loaded;
}

/** Records the version of the snapshot an actor now has on `store` (after a load or a save). */
export function rememberSnapshot(store: EventStore, actorId: string, version: number): void {
  let hints = snapshotHints.get(store);
  if (hints === undefined) {
    hints = new Map();
    snapshotHints.set(store, hints);
  } else if (hints.size >= maxHintsPerStore && !hints.has(actorId)) {
    hints.clear();
  }
  hints.set(actorId, version);
}
