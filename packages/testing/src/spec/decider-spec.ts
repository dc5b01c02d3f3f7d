import { type Decider, type Decision, uuidV7 } from '@aether/commands';
import type { AnyEvent } from '@aether/core';
import type { ErrorClass } from './expectations.js';
import type { Outcome } from './outcome.js';
import { runWithStore } from './run-with-store.js';
import { runWithoutStore } from './run-without-store.js';
import type { SpecStore } from './store-factory.js';
import { When } from './when.js';

/** Options of `DeciderSpec.for`. */
export interface DeciderSpecOptions {
  /**
   * Run each spec through `handleCommand` on this store (a fresh actor per spec) instead of calling
   * the decider directly: the same spec file then proves the decider on a real store.
   */
  store?: SpecStore;
  /** The given events' timestamp. Default: the time the spec runs. */
  now?: () => number;
}

/** A command about to be checked: say what should come of it. Each check returns a promise to await. */
export interface SpecWhen<E extends AnyEvent> {
  /** Decide produced exactly these events, in order (type and data; metadata only where given). */
  then(expected: Decision<E>): Promise<void>;
  /** Decide produced no events (and stored none). */
  thenNothing(): Promise<void>;
  /** Decide threw an instance of `errorClass` (and nothing was stored); `check` may look closer, returning false to fail. */
  thenThrows<Err>(errorClass: ErrorClass<Err>, check?: (error: Err) => unknown): Promise<void>;
}

/** An actor's history, written as `{ eventType, data }`: the spec fills in ids, versions and timestamps. */
export interface SpecGiven<Command, E extends AnyEvent> {
  when(command: Command): SpecWhen<E>;
}

/**
 * Given/when/then specs of a decider: `DeciderSpec.for(decider).given(events).when(command).then(events)`.
 * Without a store it folds the given events and calls `decide`; with `options.store` it saves them
 * and runs `handleCommand`, so the same specs hold on the in-memory store and on JetStream.
 */
export class DeciderSpec<State, Command, E extends AnyEvent> implements SpecGiven<Command, E> {
  readonly #decider: Decider<State, Command, E>;
  readonly #options: DeciderSpecOptions;

  private constructor(decider: Decider<State, Command, E>, options: DeciderSpecOptions) {
    this.#decider = decider;
    this.#options = options;
  }

  static for<State, Command, E extends AnyEvent>(
    decider: Decider<State, Command, E>,
    options: DeciderSpecOptions = {},
  ): DeciderSpec<State, Command, E> {
    return new DeciderSpec(decider, options);
  }

  /** The actor's past events, oldest first. */
  given(events: Decision<E>): SpecGiven<Command, E> {
    return { when: (command) => this.#when(events, command) };
  }

  /** A command for a new actor (no past events). */
  when(command: Command): SpecWhen<E> {
    return this.#when([], command);
  }

  #when(given: Decision<E>, command: Command): SpecWhen<E> {
    return new When(() => this.#run(given, command));
  }

  #run(given: Decision<E>, command: Command): Promise<Outcome> {
    const now = this.#options.now?.() ?? Date.now();
    // An actor of its own for every run, so that specs may share a store.
    const actorId = `spec-${uuidV7(now)}`;
    const events = this.#envelopes(given, actorId, now);
    const { store } = this.#options;
    return store === undefined
      ? runWithoutStore(this.#decider, events, command)
      : runWithStore(this.#decider, events, command, store, actorId);
  }

  /** The given events as stored events: the spec's actor, versions from 1, one timestamp. */
  #envelopes(given: Decision<E>, actorId: string, now: number): E[] {
    // Each entry is a member of E without its envelope: adding the envelope gives that member back.
    return given.map(
      (event, index) =>
        ({
          ...event,
          id: uuidV7(now),
          actorId,
          version: index + 1,
          timestamp: new Date(now),
        }) as unknown as E,
    );
  }
}
