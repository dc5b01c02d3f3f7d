import { type AnyEvent, type EventStore, loadState, type Reducer, ValidationError } from '@aether/core';
import type { RetryOptions } from '../retry/options.js';
import { retry } from '../retry/retry.js';
import { UnconfirmedSaves } from './unconfirmed-saves.js';

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
  /**
   * The event that was saved, at the version it was stored with: as `makeEvent` built it, or, when
   * an earlier attempt's save failed (a timeout, say) but had stored it, as read back from the store.
   */
  event: E;
  /**
   * How many attempts it took (1 when the first save succeeded), counting the one that found the
   * event an earlier attempt had stored.
   */
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
 * A save that fails with anything but a conflict (or a `ValidationError`) may have stored the event
 * all the same: its acknowledgement was lost. When `retryOn` retries such an error, every later
 * attempt first reads the actor from the lowest version those attempts tried; if one of their
 * events is there, the call succeeds with it, without calling `makeEvent` or saving again. So
 * `makeEvent` may give the same id on every attempt or a fresh one: the event is stored once.
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
  // Each unconfirmed attempt notes the state its event was built on, to fold the stored event into.
  const unconfirmed = new UnconfirmedSaves<State | undefined>();
  const result = (event: E, before: State | undefined, attempts: number) => ({
    event,
    attempts,
    state: withState === undefined ? undefined : withState.reducer(before as State, event),
  });
  return retry(async ({ attempt }) => {
    const stored = await unconfirmed.findStored(store, actorId);
    // The store returns what makeEvent built: an event of type E, read back.
    if (stored !== undefined) return result(stored.event as E, stored.note, attempt);
    const current = await readCurrent(store, actorId, withState);
    const event = await makeEvent(current.version, current.state, { attempt });
    checkActor(event, actorId);
    await unconfirmed.save(store, event, current.state);
    return result(event, current.state, attempt);
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
