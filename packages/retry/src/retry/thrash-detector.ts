import { findVersionConflict, type VersionConflictError } from '@aether/core';

/**
 * Counts conflicts in a row that report the same actor and current version. Any other error, or
 * a conflict at another version, starts the count again.
 */
export class ThrashDetector {
  readonly #threshold: number;
  #last: VersionConflictError | undefined;
  #repeats = 0;

  constructor(threshold: number) {
    this.#threshold = threshold;
  }

  /** Records an attempt's error; returns the conflict and its count once the threshold is reached. */
  record(error: unknown): { conflict: VersionConflictError; repeats: number } | undefined {
    const conflict = findVersionConflict(error);
    if (conflict === undefined) {
      this.#last = undefined;
      this.#repeats = 0;
      return undefined;
    }
    const same =
      this.#last !== undefined &&
      this.#last.actorId === conflict.actorId &&
      this.#last.currentVersion === conflict.currentVersion;
    this.#repeats = same ? this.#repeats + 1 : 1;
    this.#last = conflict;
    return this.#repeats >= this.#threshold ? { conflict, repeats: this.#repeats } : undefined;
  }
}
