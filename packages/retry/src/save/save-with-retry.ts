import { type AnyEvent, type EventStore, loadState, type Reducer, ValidationError } from '@aether/core';
import type { RetryOptions } from '../retry/options.js';
import { retry } from '../retry/retry.js';

/** What `makeEvent` is told besides the version and state. */
export interface MakeEventContext {
  /** 1 for the first attempt; a higher number means the last attempt conflicted and the actor was re-read. */
  attempt: number;
}

/** Options of `saveWithRetry` with a reducer: `makeEvent` also gets the actor's current state. */
export interface SaveWithStateOptions<State, E extends AnyEvent> extends RetryOptions {
  /** Folds the actor's events into its state (read with `loadState`, from a snapshot when there is one). */
  reducer: Reducer<State, E>;
  /** The state of an actor with no events. */
  initialState: State;
}

export interface SaveResult<E extends AnyEvent, State> {
  /** The event that was saved, as `makeEvent` built it. */
  event: E;
  /** How many attempts it took (1 when the first save succeeded). */
  attempts: number;
  /** With a reducer: the actor's state after the event; otherwise `undefined`. */
  state: State;
}

/**
 * Appends one event built from the actor's latest version, retrying on version conflicts: read
 * the latest version (and with `reducer`, the current state), call
 * `makeEvent(currentVersion, state, { attempt })`, save, and on a conflict start again with a
 * fresh read. The event should have `version: currentVersion + 1` and the given `actorId`.
 *
 * Takes every `retry` option; defaults: 4 attempts, jittered exponential backoff from 100 ms,
 * version conflicts only. Works with any `EventStore`.
 */
export function saveWithRetry<E extends AnyEvent>(
  store: EventStore,
  actorId: string,
  makeEvent: (currentVersion: number, state: undefined, context: MakeEventContext) => E | Promise<E>,
  options?: RetryOptions,
): Promise<SaveResult<E, undefined>>;
export function saveWithRetry<State, E extends AnyEvent>(
  store: EventStore,
  actorId: string,
  makeEvent: (currentVersion: number, state: State, context: MakeEventContext) => E | Promise<E>,
  options: SaveWithStateOptions<State, E>,
): Promise<SaveResult<E, State>>;
export async function saveWithRetry<State, E extends AnyEvent>(
  store: EventStore,
  actorId: string,
  makeEvent: (currentVersion: number, state: State | undefined, context: MakeEventContext) => E | Promise<E>,
  options: RetryOptions | SaveWithStateOptions<State, E> = {},
): Promise<SaveResult<E, State | undefined>> {
  const withState = 'reducer' in options ? options : undefined;
  return retry(async ({ attempt }) => {
    const current = await readCurrent(store, actorId, withState);
    const event = await makeEvent(current.version, current.state, { attempt });
    checkActor(event, actorId);
    await store.saveEvent(event);
    const state = withState === undefined ? undefined : withState.reducer(current.state as State, event);
    return { event, attempts: attempt, state };
  }, options);
}

async function readCurrent<State, E extends AnyEvent>(
  store: EventStore,
  actorId: string,
  withState: SaveWithStateOptions<State, E> | undefined,
): Promise<{ version: number; state: State | undefined }> {
  if (withState === undefined) return { version: await store.getLatestVersion(actorId), state: undefined };
  const loaded = await loadState(store, actorId, withState.reducer, withState.initialState);
  return { version: loaded.version, state: loaded.state };
}

function checkActor(event: AnyEvent, actorId: string): void {
  if (typeof event !== 'object' || event === null) {
    throw new ValidationError('event', 'makeEvent must return an event object');
  }
  if (event.actorId !== actorId) {
    throw new ValidationError(
      'actorId',
      `makeEvent built an event for actor ${JSON.stringify(event.actorId)}, but saveWithRetry was called for ${JSON.stringify(actorId)}`,
    );
  }
}
