import type { Decider, NewEvent } from '@aether/commands';
import type { AnyEvent } from '@aether/core';
import type { Outcome } from './outcome.js';

/** Folds the given events with `evolve` and calls `decide`: the decider alone, no store. */
export async function runWithoutStore<State, Command, E extends AnyEvent>(
  decider: Decider<State, Command, E>,
  given: readonly E[],
  command: Command,
): Promise<Outcome> {
  let state = decider.initialState();
  for (const event of given) state = decider.evolve(state, event);
  let decision: readonly NewEvent<E>[];
  try {
    decision = await decider.decide(command, state);
  } catch (error) {
    return { kind: 'threw', error };
  }
  return { kind: 'events', events: decision };
}
