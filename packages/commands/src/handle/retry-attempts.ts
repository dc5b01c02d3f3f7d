import { type AnyEvent, isVersionConflict } from '@aether/core';
import { retry } from '@aether/retry';
import { attemptOnce, type CommandContext } from './attempt.js';
import type { CommandResult } from './command-result.js';
import { DeciderThrew } from './decider-threw.js';

/** No attempt has run yet: `retry` runs the first one too. */
export const fromTheStart: unique symbol = Symbol('fromTheStart');

/**
 * Runs the attempts of a command through `retry` of `@aether/retry`, with the `retry` options as
 * given (the command's clock unless they name one). `firstFailure` is the error of a first attempt
 * run before (handleCommand's fast path): `retry` gets it as its first attempt's, so it is judged,
 * counted, waited on and reported exactly as if `retry` had run that attempt. A decider's error is
 * never retried, whatever `retryOn` says, and comes back untouched.
 */
export async function retryAttempts<State, Command, E extends AnyEvent>(
  context: CommandContext<State, Command, E>,
  firstFailure: unknown,
): Promise<CommandResult<State, E>> {
  const options = { clock: context.options.clock, ...context.options.retry };
  const retryOn = options.retryOn ?? isVersionConflict;
  try {
    return await retry(
      ({ attempt }) => {
        if (attempt === 1 && firstFailure !== fromTheStart) throw firstFailure;
        return attemptOnce(context, attempt);
      },
      {
        ...options,
        retryOn: (error, attempt) => !(error instanceof DeciderThrew) && retryOn(error, attempt),
      },
    );
  } catch (error) {
    throw error instanceof DeciderThrew ? error.error : error;
  }
}
