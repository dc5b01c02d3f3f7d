import { VersionConflictError } from '@aether/core';

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
