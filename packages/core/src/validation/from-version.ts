import { ValidationError } from '../errors/validation-error.js';

/**
 * Checks the `fromVersion` of a read, as every store must (`@aether/conformance` holds them to it):
 * `undefined` and 0 mean 1 (there is no version 0); anything else must be a safe integer >= 0,
 * or the read is a `ValidationError` and nothing is read.
 */
export function checkFromVersion(fromVersion: unknown): number {
  if (fromVersion === undefined) return 1;
  if (typeof fromVersion !== 'number' || !Number.isSafeInteger(fromVersion) || fromVersion < 0) {
    throw new ValidationError('fromVersion', `must be a safe integer >= 0, got ${String(fromVersion)}`);
  }
  return fromVersion === 0 ? 1 : fromVersion;
}
