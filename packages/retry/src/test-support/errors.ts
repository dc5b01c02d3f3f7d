import { isVersionConflict, VersionConflictError } from '@aether/core';

/** A conflict as a store reports it: this writer tried `attemptedVersion`, the actor is at `currentVersion`. */
export function conflict(
  attemptedVersion: number,
  currentVersion: number,
  actorId = 'order-1',
): VersionConflictError {
  return new VersionConflictError({ actorId, attemptedVersion, currentVersion });
}

/** An operation that throws each of `errors` in turn, then returns `result`; counts its calls. */
export function failing<T>(errors: unknown[], result: T): { (): Promise<T>; calls: number } {
  const queue = [...errors];
  const operation = async () => {
    operation.calls++;
    if (queue.length > 0) throw queue.shift();
    return result;
  };
  operation.calls = 0;
  return operation;
}

/**
 * A store's "no answer in time" as a third-party store might throw it: the save may or may not
 * have been stored. Shaped like the JetStream store's TIMEOUT, though nothing depends on the shape.
 */
export function storeTimeout(): Error {
  return Object.assign(new Error('no answer in time: the save may or may not have been stored'), {
    code: 'TIMEOUT',
    retryable: true,
  });
}

/** A `retryOn` that retries conflicts and errors flagged `retryable`, as a JetStream user would. */
export function conflictsAndRetryable(error: unknown): boolean {
  return isVersionConflict(error) || (error as { retryable?: unknown })?.retryable === true;
}
