import { describeError } from './brand.js';
import { RETRY_ABORTED } from './codes.js';
import { plural, RetryFailure } from './retry-failure.js';

/**
 * The caller's `AbortSignal` fired: the wait was cut short and no further attempt was made.
 * `cause` is the signal's reason; `errors` holds what the attempts made so far threw.
 */
export class RetryAbortedError extends RetryFailure {
  readonly code = RETRY_ABORTED;
  /** The signal's reason. */
  readonly reason: unknown;

  constructor(errors: readonly unknown[], reason: unknown) {
    super(
      `retry aborted after ${plural(errors.length, 'attempt')}: ${describeError(reason)}`,
      errors,
      reason,
    );
    this.name = 'RetryAbortedError';
    this.reason = reason;
  }
}
