import { type ErrorKind, errorKind } from './error-kind.js';

export const VERSION_CONFLICT = 'VERSION_CONFLICT';

export interface VersionConflictDetails {
  actorId: string;
  attemptedVersion: number;
  currentVersion: number;
}

/** A writer tried to append a version that is not above the actor's latest: it worked on stale state. */
export class VersionConflictError extends Error {
  readonly code = VERSION_CONFLICT;
  /** False: the same event would conflict again. Read the actor again and decide anew (`saveWithRetry`). */
  readonly retryable = false;
  readonly actorId: string;
  readonly attemptedVersion: number;
  readonly currentVersion: number;

  constructor(details: VersionConflictDetails, options?: { cause?: unknown }) {
    super(
      `version conflict for actor ${JSON.stringify(details.actorId)}: attempted version ${details.attemptedVersion}, ` +
        `current version is ${details.currentVersion}; reload the actor and retry with version ${details.currentVersion + 1}`,
      options,
    );
    this.name = 'VersionConflictError';
    this.actorId = details.actorId;
    this.attemptedVersion = details.attemptedVersion;
    this.currentVersion = details.currentVersion;
    versionConflicts.mark(this);
  }
}

// A conflict from any store, even one that does not use this class: an Error with the code and the
// three fields.
function looksLikeVersionConflict(value: object): boolean {
  const candidate = value as Partial<Record<keyof VersionConflictError, unknown>>;
  return (
    value instanceof Error &&
    candidate.code === VERSION_CONFLICT &&
    typeof candidate.actorId === 'string' &&
    typeof candidate.attemptedVersion === 'number' &&
    typeof candidate.currentVersion === 'number'
  );
}

const versionConflicts: ErrorKind<VersionConflictError> = errorKind(
  '@aether/core.VersionConflictError',
  looksLikeVersionConflict,
);

/** The `VersionConflictError` in `err` or its `cause` chain, from any copy of `@aether/core`, or any store that throws one with its code and fields. */
export const findVersionConflict = (err: unknown): VersionConflictError | undefined =>
  versionConflicts.find(err);

/** True when `err` or an error in its `cause` chain is a version conflict (see `findVersionConflict`). */
export const isVersionConflict = (err: unknown): boolean => versionConflicts.is(err);
