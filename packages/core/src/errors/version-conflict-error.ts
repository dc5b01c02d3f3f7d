import { brandOf } from './brand.js';

export const VERSION_CONFLICT = 'VERSION_CONFLICT';
export const versionConflictBrand = brandOf('VersionConflictError');

export interface VersionConflictDetails {
  actorId: string;
  attemptedVersion: number;
  currentVersion: number;
}

/** A writer tried to append a version that is not above the actor's latest: it worked on stale state. */
export class VersionConflictError extends Error {
  readonly code = VERSION_CONFLICT;
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
    Object.defineProperty(this, versionConflictBrand, { value: true });
  }
}
