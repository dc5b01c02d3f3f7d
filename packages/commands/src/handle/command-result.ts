import type { AnyEvent } from '@aether/core';

/** What `handleCommand` did. */
export interface CommandResult<State, E extends AnyEvent> {
  /** The actor's state after the command (the loaded state when the decision produced no events). */
  state: State;
  /** The actor's version after the command. */
  version: number;
  /** The events stored, with their envelopes, in version order; empty when nothing was stored. */
  events: E[];
  /** How many times the actor was loaded and the command decided (1 unless a conflict was retried). */
  attempts: number;
  /** The version of the snapshot saved after the command (`snapshotEvery`), if one was. */
  snapshotVersion?: number;
}
