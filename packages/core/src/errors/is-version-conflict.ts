import { hasBrand } from './brand.js';
import {
  VERSION_CONFLICT,
  type VersionConflictError,
  versionConflictBrand,
} from './version-conflict-error.js';

const maxCauseDepth = 32;

/** The `VersionConflictError` in `err` or its `cause` chain, from any copy of `@aether/core`. */
export function findVersionConflict(err: unknown): VersionConflictError | undefined {
  let current = err;
  for (let depth = 0; depth < maxCauseDepth && typeof current === 'object' && current !== null; depth++) {
    if (looksLikeVersionConflict(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True for a `VersionConflictError`, one from another copy of the package, or one in a `cause` chain. */
export function isVersionConflict(err: unknown): err is VersionConflictError {
  return findVersionConflict(err) !== undefined;
}

function looksLikeVersionConflict(value: object): value is VersionConflictError {
  if (hasBrand(value, versionConflictBrand)) return true;
  const candidate = value as Partial<Record<keyof VersionConflictError, unknown>>;
  return (
    value instanceof Error &&
    candidate.code === VERSION_CONFLICT &&
    typeof candidate.actorId === 'string' &&
    typeof candidate.attemptedVersion === 'number' &&
    typeof candidate.currentVersion === 'number'
  );
}
