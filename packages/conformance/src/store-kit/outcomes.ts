import { isValidationError, isVersionConflict, type VersionConflictDetails } from '@aether/core';
import { expect } from 'vitest';

/**
 * The error `operation` rejects with. Fails the test when it resolves, or when it throws
 * synchronously instead of returning a rejected promise (the contract is promise-based).
 */
export async function rejectionOf(operation: () => Promise<unknown>): Promise<unknown> {
  let pending: Promise<unknown>;
  try {
    pending = operation();
  } catch (error) {
    throw new Error('the store threw synchronously; store methods must return a rejected promise', {
      cause: error,
    });
  }
  try {
    await pending;
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to be rejected, but it succeeded');
}

/** A `VersionConflictError` with exactly these details, recognised by `isVersionConflict`. */
export function expectVersionConflict(error: unknown, details: VersionConflictDetails): void {
  expect(isVersionConflict(error), `expected a VersionConflictError, got ${String(error)}`).toBe(true);
  expect(error).toMatchObject({ code: 'VERSION_CONFLICT', ...details });
}

/** A `ValidationError`, recognised by `isValidationError`; naming `field` when one is given. */
export function expectValidationError(error: unknown, field?: string): void {
  expect(isValidationError(error), `expected a ValidationError, got ${String(error)}`).toBe(true);
  if (field !== undefined) expect(error).toMatchObject({ code: 'VALIDATION_ERROR', field });
}

/**
 * Runs a mutation a caller might try. On a frozen object it throws a TypeError (ESM is strict
 * mode); that is a fine answer too, so only other errors escape. The test then checks the store.
 */
export function tryToMutate(mutate: () => void): void {
  try {
    mutate();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
}
