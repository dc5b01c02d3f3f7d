import type { AnyEvent, Reducer } from '@aether/core';
import { DeciderThrew } from './decider-threw.js';

/** An actor as a command sees it: its state, the version that state reflects, where the load started. */
export interface Loaded<State> {
  state: State;
  version: number;
  /** The version of the snapshot the load started from; `undefined` when it started at version 0. */
  snapshotVersion: number | undefined;
}

/**
 * Folds `events` into `into` in order, as `replay` does (events at or below its version are
 * skipped), with a throw of `evolve` wrapped in `DeciderThrew`. Writes into the one object rather
 * than making a new one per step: this runs for every event of every load.
 */
export function foldInto<State>(
  into: Loaded<State>,
  events: readonly AnyEvent[],
  evolve: Reducer<State, never>,
): Loaded<State> {
  const apply = evolve as Reducer<State, AnyEvent>;
  let { state, version } = into;
  try {
    for (let index = 0; index < events.length; index++) {
      const event = events[index] as AnyEvent;
      if (event.version <= version) continue;
      state = apply(state, event);
      version = event.version;
    }
  } catch (error) {
    throw new DeciderThrew(error);
  }
  into.state = state;
  into.version = version;
  return into;
}
