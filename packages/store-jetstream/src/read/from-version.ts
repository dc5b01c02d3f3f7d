import { ValidationError } from '@aether/core';

/**
 * Checks the `fromVersion` of a read, as every Aether store does: `undefined` and 0 mean 1;
 * anything else must be a safe integer >= 0 (`ValidationError`).
 */
export function checkFromVersion(fromVersion: number | undefined): number {
  if (fromVersion === undefined) return 1;
  if (typeof fromVersion !== 'number' || !Number.isSafeInteger(fromVersion) || fromVersion < 0) {
    throw new ValidationError('fromVersion', `must be a safe integer >= 0, got ${String(fromVersion)}`);
  }
  return fromVersion === 0 ? 1 : fromVersion;
}
