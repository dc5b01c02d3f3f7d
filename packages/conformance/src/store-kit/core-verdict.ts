import { type Event, isValidationError, type ValidationError, validateEvent } from '@aether/core';

/** What `validateEvent` from `@aether/core` makes of an input: the event as stored, or its refusal. */
export type CoreVerdict = { accepted: Event } | { refused: ValidationError };

/** The yardstick of the rule properties: every store and bus must agree with it. */
export function coreVerdict(input: unknown): CoreVerdict {
  try {
    return { accepted: validateEvent(input) };
  } catch (error) {
    if (!isValidationError(error)) throw error;
    return { refused: error };
  }
}
