import { brand } from './brand.js';
import type { RETRY_ABORTED, RETRY_EXHAUSTED, RETRY_THRASHING } from './codes.js';

/**
 * Why `retry` gave up, with every attempt's error: `errors[i]` is what attempt `i + 1` threw.
 * `cause` is the last of them (or the abort reason), so `isVersionConflict(err)` still finds a
 * conflict through it.
 */
export abstract class RetryFailure extends Error {
  abstract readonly code: typeof RETRY_EXHAUSTED | typeof RETRY_THRASHING | typeof RETRY_ABORTED;
  /** False: the retrying is over; what to do next is the caller's decision (see `errors`). */
  readonly retryable = false;
  /** How many times the operation ran. */
  readonly attempts: number;
  /** What each attempt threw, in order. */
  readonly errors: readonly unknown[];

  protected constructor(message: string, errors: readonly unknown[], cause: unknown) {
    super(message, { cause });
    this.attempts = errors.length;
    this.errors = Object.freeze([...errors]);
    brand(this);
  }
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
