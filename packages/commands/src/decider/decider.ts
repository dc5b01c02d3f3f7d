import type { AnyEvent, Reducer } from '@aether/core';

/**
 * What `decide` returns for each new event: its type and data (and, optionally, metadata of its
 * own). `handleCommand` adds the envelope: id, actor, version, timestamp. Typed by the actor's event
 * union, so `data` must match `eventType`.
 */
export type NewEvent<E extends AnyEvent> = E extends AnyEvent
  ? {
      readonly eventType: E['eventType'];
      readonly data: E['data'];
      readonly metadata?: Readonly<Record<string, string>>;
    }
  : never;

/** The events a decision produced, in order; empty when the command changes nothing. */
export type Decision<E extends AnyEvent> = readonly NewEvent<E>[];

/**
 * An actor's behaviour as three pure parts: the state of a new actor, how an event changes the
 * state (the `Reducer` `loadState` and `replay` use), and which events a command produces in a
 * state. `decide` refuses a command by throwing (a domain error of yours); `handleCommand` hands
 * that error back untouched and never retries it.
 */
export interface Decider<State, Command, E extends AnyEvent> {
  initialState: () => State;
  evolve: Reducer<State, E>;
  decide: (command: Command, state: State) => Decision<E> | Promise<Decision<E>>;
}
