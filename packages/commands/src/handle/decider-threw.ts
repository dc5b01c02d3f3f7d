/**
 * Carries an error thrown by the decider's own code (`decide`, `evolve`) through `retry`, so that
 * no `retryOn` can mistake it for a store error: `handleCommand` unwraps it and rethrows the error
 * untouched. Not an `Error` on purpose: nothing but `handleCommand` ever sees it.
 */
export class DeciderThrew {
  constructor(readonly error: unknown) {}
}

/** `fn`, with whatever it throws wrapped in `DeciderThrew`. */
export function guarded<Args extends unknown[], Result>(
  fn: (...args: Args) => Result,
): (...args: Args) => Result {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      throw new DeciderThrew(error);
    }
  };
}

/** `evolve`, guarded: two fixed arguments, no rest parameters, as it runs once per event of every load. */
export function guardedEvolve<State, E>(
  evolve: (state: State, event: E) => State,
): (state: State, event: E) => State {
  return (state, event) => {
    try {
      return evolve(state, event);
    } catch (error) {
      throw new DeciderThrew(error);
    }
  };
}

/** Calls an async-or-sync `fn`, wrapping a throw or a rejection in `DeciderThrew`. */
export async function guardedAsync<Args extends unknown[], Result>(
  fn: (...args: Args) => Result | Promise<Result>,
  ...args: Args
): Promise<Result> {
  try {
    return await fn(...args);
  } catch (error) {
    throw new DeciderThrew(error);
  }
}
