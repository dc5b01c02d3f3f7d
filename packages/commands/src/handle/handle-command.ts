import { type AnyEvent, type EventStore, isVersionConflict, loadState } from '@aether/core';
import { retry } from '@aether/retry';
import type { Decider } from '../decider/decider.js';
import { DeciderThrew, guarded, guardedAsync } from './decider-threw.js';
import { type HandleCommandOptions, type ResolvedHandleOptions, resolveHandleOptions } from './options.js';
import { snapshotIfDue } from './snapshot-policy.js';
import { stampEvents } from './stamp-events.js';

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
  const evolve = guarded(decider.evolve);
  const retryOn = resolved.retry.retryOn ?? isVersionConflict;
  try {
    return await retry(
      ({ attempt }) => attemptOnce(store, actorId, command, decider, evolve, resolved, attempt),
      {
        ...resolved.retry,
        retryOn: (error, attempt) => !(error instanceof DeciderThrew) && retryOn(error, attempt),
      },
    );
  } catch (error) {
    throw error instanceof DeciderThrew ? error.error : error;
  }
}

async function attemptOnce<State, Command, E extends AnyEvent>(
  store: EventStore,
  actorId: string,
  command: Command,
  decider: Decider<State, Command, E>,
  evolve: (state: State, event: E) => State,
  options: ResolvedHandleOptions,
  attempt: number,
): Promise<CommandResult<State, E>> {
  const initial = guarded(decider.initialState)();
  const loaded = await loadState(store, actorId, evolve, initial);
  const decision = await guardedAsync(decider.decide, command, loaded.state);
  const envelope = { ...options, actorId, version: loaded.version, timestamp: options.clock.now() };
  // The decider built these from its own event union; the envelope adds no type information.
  const events = stampEvents(decision, envelope) as E[];
  if (events.length === 0) return { state: loaded.state, version: loaded.version, events, attempts: attempt };
  await store.saveEvents(events);
  let state = loaded.state;
  for (const event of events) state = evolve(state, event);
  const version = loaded.version + events.length;
  const saved = { actorId, state, version, loadedFrom: loaded.snapshotVersion };
  const snapshotVersion = await snapshotIfDue(store, saved, options);
  const result: CommandResult<State, E> = { state, version, events, attempts: attempt };
  if (snapshotVersion !== undefined) result.snapshotVersion = snapshotVersion;
  return result;
}
