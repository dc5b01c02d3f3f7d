import type { AnyEvent } from '@aether/core';
import type { Decider, Decision } from '../decider/decider.js';

/**
 * Carries an error thrown by the decider's own code (`initialState`, `decide`, `evolve`) through
 * `retry`, so that no `retryOn` can mistake it for a store error: `handleCommand` unwraps it and
 * rethrows the error untouched. Not an `Error` on purpose: nothing but `handleCommand` sees it.
 */
export class DeciderThrew {
  constructor(readonly error: unknown) {}
}

/** A new actor's state, with a throw wrapped in `DeciderThrew`. */
export function initialStateOf<State>(decider: Pick<Decider<State, never, AnyEvent>, 'initialState'>): State {
  try {
    return decider.initialState();
  } catch (error) {
    throw new DeciderThrew(error);
  }
}

/**
 * What `decide` returned, with a throw or a rejection wrapped in `DeciderThrew`. A plain array (the
 * usual, synchronous decider) comes back as it is, without a promise to wait for.
 */
export function decisionOf<State, Command, E extends AnyEvent>(
  decider: Decider<State, Command, E>,
  command: Command,
  state: State,
): Decision<E> | Promise<Decision<E>> {
  let decision: Decision<E> | Promise<Decision<E>>;
  try {
    decision = decider.decide(command, state);
  } catch (error) {
    throw new DeciderThrew(error);
  }
  return isThenable(decision) ? settled(decision) : decision;
}

async function settled<T>(decision: PromiseLike<T>): Promise<T> {
  try {
    return await decision;
  } catch (error) {
    throw new DeciderThrew(error);
  }
}

function isThenable(value: unknown): value is PromiseLike<never> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
