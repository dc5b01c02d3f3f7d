import { type Event, findValidationError, type ValidationError, validateEvent } from '@aether/core';

/** What `validateEvent` from `@aether/core` makes of an input: the event as stored, or its refusal. */
export type CoreVerdict = { accepted: Event } | { refused: ValidationError };

/** The yardstick of the rule properties: every store and bus must agree with it. */
export function coreVerdict(input: unknown): CoreVerdict {
  try {
    return { accepted: validateEvent(input) };
  } catch (error) {
    const refused = findValidationError(error);
    if (refused === undefined) throw error;
    return { refused };
  }
}
