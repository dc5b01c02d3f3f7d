import type { VersionConflictError } from '@aether/core';
import { RETRY_THRASHING } from './codes.js';
import { RetryFailure } from './retry-failure.js';

/**
 * Several conflicts in a row reported the same current version of the same actor: every attempt
 * was built on the same stale version, so more attempts cannot succeed. Retries stopped early.
 */
export class RetryThrashingError extends RetryFailure {
  readonly code = RETRY_THRASHING;
  readonly actorId: string;
  /** The current version every one of those conflicts reported. */
  readonly currentVersion: number;
  /** How many conflicts in a row reported it. */
  readonly repeats: number;

  constructor(errors: readonly unknown[], conflict: VersionConflictError, repeats: number) {
    super(
      `stopped retrying actor ${JSON.stringify(conflict.actorId)} early: ${repeats} conflicts in a row ` +
        `reported current version ${conflict.currentVersion}, so each attempt was built on the same ` +
        'stale version; re-read the latest version before every attempt (saveWithRetry does), ' +
        'and check that reads are not served from a stale cache',
      errors,
      errors[errors.length - 1],
    );
    this.name = 'RetryThrashingError';
    this.actorId = conflict.actorId;
    this.currentVersion = conflict.currentVersion;
    this.repeats = repeats;
  }
}
