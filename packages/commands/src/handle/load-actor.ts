import {
  type ActorSnapshot,
  type AnyEvent,
  type EventStore,
  isSnapshotStore,
  type Reducer,
} from '@aether/core';
import { foldInto, type Loaded } from './fold.js';

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
 * behind one is likely): then the snapshot is read first. A newer snapshot is still used (the fold
 * skips the events it covers); only an older one or none, which snapshots never move back to,
 * means reading again from there. `initial` is the state of a new actor; a throw of `evolve` comes
 * back wrapped in `DeciderThrew`.
 */
export async function loadActor<State>(
  store: EventStore,
  actorId: string,
  evolve: Reducer<State, never>,
  initial: State,
  expectSnapshots: boolean,
): Promise<Loaded<State>> {
  if (!isSnapshotStore(store)) {
    const events = await store.getEvents(actorId);
    return foldInto(startAt(undefined, initial), events, evolve);
  }
  const hints = hintsOf(store);
  const hint = hints.get(actorId) ?? (expectSnapshots ? undefined : 0);
  if (hint !== undefined) {
    // Both reads start before either is awaited. Cheaper than Promise.all: the events' rejection is
    // handled up front, so it is never reported as unhandled when the snapshot's comes first.
    const snapshotRead = store.getLatestSnapshot(actorId);
    const eventsRead = store.getEvents(actorId, hint + 1);
    eventsRead.catch(ignore);
    const snapshot = await snapshotRead;
    const events = await eventsRead;
    const snapshotVersion = snapshot?.version ?? 0;
    if (snapshotVersion >= hint) {
      remember(hints, actorId, snapshotVersion);
      return foldInto(startAt(snapshot, initial), events, evolve);
    }
  }
  const snapshot = await store.getLatestSnapshot(actorId);
  remember(hints, actorId, snapshot?.version ?? 0);
  const events: readonly AnyEvent[] = await store.getEvents(
    actorId,
    snapshot === undefined ? undefined : snapshot.version + 1,
  );
  return foldInto(startAt(snapshot, initial), events, evolve);
}

// A snapshot holds the state the actor's own evolve produced: the decider's State.
function startAt<State>(snapshot: ActorSnapshot | undefined, initial: State): Loaded<State> {
  if (snapshot === undefined) return { state: initial, version: 0, snapshotVersion: undefined };
  return { state: snapshot.state as State, version: snapshot.version, snapshotVersion: snapshot.version };
}

function ignore(): void {}

/** Records the version of the snapshot an actor now has on `store` (after a load or a save). */
export function rememberSnapshot(store: EventStore, actorId: string, version: number): void {
  remember(hintsOf(store), actorId, version);
}

function hintsOf(store: EventStore): Map<string, number> {
  let hints = snapshotHints.get(store);
  if (hints === undefined) {
    hints = new Map();
    snapshotHints.set(store, hints);
  }
  return hints;
}

function remember(hints: Map<string, number>, actorId: string, version: number): void {
  if (hints.size >= maxHintsPerStore && !hints.has(actorId)) hints.clear();
  hints.set(actorId, version);
}
