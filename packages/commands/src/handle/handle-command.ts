import { type AnyEvent, type EventStore, isVersionConflict, loadState } from '@aether/core';
import { retry } from '@aether/retry';
import type { Decider } from '../decider/decider.js';
import { DeciderThrew, guarded, guardedAsync, guardedEvolve } from './decider-threw.js';
import { type HandleCommandOptions, type ResolvedHandleOptions, resolveHandleOptions } from './options.js';
import { snapshotIfDue } from './snapshot-policy.js';
import { stampEvents } from './stamp-events.js';
import { UnconfirmedBatches } from './unconfirmed-batches.js';

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

/**
 * Handles one command for one actor: loads the actor (from its latest snapshot when the store keeps
 * them), calls `decider.decide(command, state)`, gives each new event its envelope (id, actor,
 * consecutive versions, timestamp, correlation and causation ids) and appends them all together
 * with `store.saveEvents`. When another writer got there first (a version conflict) it loads and
 * decides again, through `@aether/retry`. Works with every `EventStore`.
 *
 * - A decision with no events stores nothing and returns the current state and version.
 * - An error thrown by `decide` (or `evolve`) comes back untouched and is never retried.
 * - A malformed decision is a `ValidationError` naming the entry; nothing is stored.
 */
export async function handleCommand<State, Command, E extends AnyEvent>(
  store: EventStore,
  actorId: string,
  command: Command,
  decider: Decider<State, Command, E>,
  options: HandleCommandOptions = {},
): Promise<CommandResult<State, E>> {
  const resolved = resolveHandleOptions(options);
  const evolve = guardedEvolve(decider.evolve);
  const retryOn = resolved.retry.retryOn ?? isVersionConflict;
  const unconfirmed = new UnconfirmedBatches<State>();
  const context = { store, actorId, command, decider, evolve, options: resolved, unconfirmed };
  try {
    return await retry(({ attempt }) => attemptOnce(context, attempt), {
      ...resolved.retry,
      retryOn: (error, attempt) => !(error instanceof DeciderThrew) && retryOn(error, attempt),
    });
  } catch (error) {
    throw error instanceof DeciderThrew ? error.error : error;
  }
}

interface CommandContext<State, Command, E extends AnyEvent> {
  store: EventStore;
  actorId: string;
  command: Command;
  decider: Decider<State, Command, E>;
  evolve: (state: State, event: E) => State;
  options: ResolvedHandleOptions;
  unconfirmed: UnconfirmedBatches<State>;
}

async function attemptOnce<State, Command, E extends AnyEvent>(
  context: CommandContext<State, Command, E>,
  attempt: number,
): Promise<CommandResult<State, E>> {
  const { store, actorId, command, decider, evolve, options } = context;
  // An earlier attempt's save failed but may have stored its batch (a lost acknowledgement).
  const stored = await context.unconfirmed.findStored(store, actorId);
  if (stored !== undefined) {
    // The store gives back the events this command decided: events of the decider's union.
    const events = stored.events as unknown as E[];
    return finish(context, stored.before, events, undefined, attempt);
  }
  const initial = guarded(decider.initialState)();
  const loaded = await loadState(store, actorId, evolve, initial);
  const decision = await guardedAsync(decider.decide, command, loaded.state);
  const envelope = { ...options, actorId, version: loaded.version, timestamp: options.clock.now() };
  // The decider built these from its own event union; the envelope adds no type information.
  const events = stampEvents(decision, envelope) as E[];
  if (events.length === 0) return { state: loaded.state, version: loaded.version, events, attempts: attempt };
  await context.unconfirmed.save(store, events, loaded.state);
  return finish(context, loaded.state, events, loaded.snapshotVersion, attempt);
}

/** The result once `events` are stored: the state after them, and a snapshot if one is due. */
async function finish<State, Command, E extends AnyEvent>(
  { store, actorId, evolve, options }: CommandContext<State, Command, E>,
  before: State,
  events: E[],
  loadedFrom: number | undefined,
  attempts: number,
): Promise<CommandResult<State, E>> {
  let state = before;
  for (const event of events) state = evolve(state, event);
  const version = (events.at(-1) as E).version;
  const snapshotVersion = await snapshotIfDue(store, { actorId, state, version, loadedFrom }, options);
  const result: CommandResult<State, E> = { state, version, events, attempts };
  if (snapshotVersion !== undefined) result.snapshotVersion = snapshotVersion;
  return result;
}
