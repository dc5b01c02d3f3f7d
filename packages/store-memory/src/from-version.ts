import { ValidationError } from '@aether/core';

/**
 * Checks the `fromVersion` of a read: `undefined` means 1; 0 is treated like 1 (there is no
 * version 0); anything else must be a safe integer >= 0, or the read is a `ValidationError`.
 */
export function checkFromVersion(fromVersion: number | undefined): number {
  if (fromVersion === undefined) return 1;
  if (typeof fromVersion !== 'number' || !Number.isSafeInteger(fromVersion) || fromVersion < 0) {
    throw new ValidationError('fromVersion', `must be a safe integer >= 0, got ${String(fromVersion)}`);
  }
  return fromVersion === 0 ? 1 : fromVersion;
}
