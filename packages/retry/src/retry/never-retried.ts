import { isValidationError } from '@aether/core';

/** A `ValidationError`, here or anywhere in the `cause` chain: bad input fails the same way every time. */
export function isNeverRetried(error: unknown): boolean {
  return isValidationError(error);
}
