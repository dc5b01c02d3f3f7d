import type { ActorSnapshot, Event } from './event.js';

/** Folds one event into the state; typed by the actor's event union so `eventType` narrows `data`. */
export type Reducer<State, E extends Event<string, unknown> = Event> = (state: State, event: E) => State;

/** Where a replay starts: an initial state (version 0), or a snapshot of the state at a version. */
export type ReplayStart<State> = { initial: State } | { snapshot: ActorSnapshot<State> };

export interface ReplayResult<State> {
  state: State;
  /** The version the state reflects: the last applied event's, or the snapshot's. */
  version: number;
  /** How many events were applied (events at or below the start version are skipped). */
  applied: number;
}

/**
 * Derives state by folding events, in order, onto a start state. Events at or below the
 * snapshot's version are skipped, so it is safe to pass a store's whole history.
 */
export function replay<State, E extends Event<string, unknown>>(
  events: Iterable<E>,
  reducer: Reducer<State, E>,
  start: ReplayStart<State>,
): ReplayResult<State> {
  let state = 'snapshot' in start ? start.snapshot.state : start.initial;
  let version = 'snapshot' in start ? start.snapshot.version : 0;
  let applied = 0;
  for (const event of events) {
    if (event.version <= version) continue;
    state = reducer(state, event);
    version = event.version;
    applied++;
  }
  return { state, version, applied };
}
