import type { AnyEvent, EventStore } from '@aether/core';
import type { Decider, Decision } from '../decider/decider.js';
import type { CommandResult } from './command-result.js';
import { decisionOf, initialStateOf } from './decider-threw.js';
import { foldInto, type Loaded } from './fold.js';
import { loadActor, rememberSnapshot } from './load-actor.js';
import type { ResolvedHandleOptions } from './options.js';
import { snapshotIfDue } from './snapshot-policy.js';
import { stampEvents } from './stamp-events.js';
import { UnconfirmedBatches } from './unconfirmed-batches.js';

/** One `handleCommand` call: what every attempt works on. */
export interface CommandContext<State, Command, E extends AnyEvent> {
  readonly store: EventStore;
  readonly actorId: string;
  readonly command: Command;
  readonly decider: Decider<State, Command, E>;
  readonly options: ResolvedHandleOptions;
  /** Made at the first save that fails without the store refusing it (see UnconfirmedBatches). */
  unconfirmed: UnconfirmedBatches<State> | undefined;
}

/**
 * One attempt: load the actor, decide, stamp, append, and the result. An error of the decider's
 * own code comes out wrapped in `DeciderThrew`; any other error is the store's (or a
 * `ValidationError` of the decision).
 */
export async function attemptOnce<State, Command, E extends AnyEvent>(
  context: CommandContext<State, Command, E>,
  attempt: number,
): Promise<CommandResult<State, E>> {
  const { store, actorId, decider, options } = context;
  // An earlier attempt's save failed but may have stored its batch (a lost acknowledgement).
  const stored =
    context.unconfirmed === undefined ? undefined : await context.unconfirmed.findStored(store, actorId);
  if (stored !== undefined) {
    const { before } = stored;
    // The store gives back the events this command decided: events of the decider's union.
    const loaded: Loaded<State> = {
      state: before.state,
      version: before.version,
      snapshotVersion: undefined,
    };
    return finish(context, loaded, stored.events as AnyEvent[] as E[], attempt);
  }
  const initial = initialStateOf(decider);
  const loaded = await loadActor(
    store,
    actorId,
    decider.evolve,
    initial,
    options.snapshotEvery !== undefined,
  );
  const pending = decisionOf(decider, context.command, loaded.state);
  const decision: Decision<E> = Array.isArray(pending) ? pending : await pending;
  // The decider built these from its own event union; the envelope adds no type information.
  const events = stampEvents(decision, actorId, loaded.version, options) as E[];
  if (events.length === 0) return { state: loaded.state, version: loaded.version, events, attempts: attempt };
  try {
    await store.saveEvents(events);
  } catch (error) {
    context.unconfirmed ??= new UnconfirmedBatches();
    context.unconfirmed.note(error, events, { state: loaded.state, version: loaded.version });
    throw error;
  }
  return finish(context, loaded, events, attempt);
}

// Not `async`: without snapshots (the usual case) the result is ready, and wrapping it in one more
// promise would cost every command a few turns of the microtask queue.
function finish<State, Command, E extends AnyEvent>(
  context: CommandContext<State, Command, E>,
  loaded: Loaded<State>,
  events: E[],
  attempts: number,
): CommandResult<State, E> | Promise<CommandResult<State, E>> {
  const loadedFrom = loaded.snapshotVersion;
  const result = resultAfter(loaded, events, context.decider.evolve, attempts);
  if (context.options.snapshotEvery === undefined) return result;
  return snapshotAfter(context, result, loadedFrom).then(() => result);
}

/** The result once `events` are stored on top of `loaded`: the state and version after them. */
function resultAfter<State, E extends AnyEvent>(
  loaded: Loaded<State>,
  events: E[],
  evolve: Decider<State, never, E>['evolve'],
  attempts: number,
): CommandResult<State, E> {
  const { state, version } = foldInto(loaded, events, evolve);
  return { state, version, events, attempts };
}

/** Saves a snapshot of the result when one is due (`snapshotEvery`), and notes it in the result. */
async function snapshotAfter<State, Command, E extends AnyEvent>(
  { store, actorId, options }: CommandContext<State, Command, E>,
  result: CommandResult<State, E>,
  loadedFrom: number | undefined,
): Promise<void> {
  const { state, version } = result;
  const snapshotVersion = await snapshotIfDue(store, { actorId, state, version, loadedFrom }, options);
  if (snapshotVersion !== undefined) {
    rememberSnapshot(store, actorId, snapshotVersion);
    result.snapshotVersion = snapshotVersion;
  }
}
