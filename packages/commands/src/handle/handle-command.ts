import type { AnyEvent, EventStore } from '@aether/core';
import type { Decider } from '../decider/decider.js';
import { attemptOnce, type CommandContext } from './attempt.js';
import type { CommandResult } from './command-result.js';
import { DeciderThrew } from './decider-threw.js';
import { type HandleCommandOptions, resolveHandleOptions } from './options.js';
import { fromTheStart, retryAttempts } from './retry-attempts.js';

export type { CommandResult } from './command-result.js';

// The options of a call that passes none: one shared object rather than a new `{}` per command.
const noOptions: HandleCommandOptions = Object.freeze({});

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
  options: HandleCommandOptions = noOptions,
): Promise<CommandResult<State, E>> {
  const resolved = resolveHandleOptions(options);
  const context: CommandContext<State, Command, E> = {
    store,
    actorId,
    command,
    decider,
    options: resolved,
    unconfirmed: undefined,
  };
  // Retry options may be invalid, or carry a signal that has fired already: `retry` checks those
  // before the first attempt, so it runs them all.
  if (resolved.retry !== undefined) return retryAttempts(context, fromTheStart);
  // The defaults are valid and have no signal: the first attempt runs on its own, and the retry
  // machinery is set up only when it fails (most commands never conflict).
  try {
    return await attemptOnce(context, 1);
  } catch (error) {
    if (error instanceof DeciderThrew) throw error.error;
    return retryAttempts(context, error);
  }
}
