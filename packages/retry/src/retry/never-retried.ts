import { isValidationError } from '@aether/core';

const maxCauseDepth = 32;

/** A `ValidationError`, here or anywhere in the `cause` chain: bad input fails the same way every time. */
export function isNeverRetried(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < maxCauseDepth && typeof current === 'object' && current !== null; depth++) {
    if (isValidationError(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
