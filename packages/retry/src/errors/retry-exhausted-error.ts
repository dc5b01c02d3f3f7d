import { describeError } from './brand.js';
import { RETRY_EXHAUSTED } from './codes.js';
import { plural, RetryFailure } from './retry-failure.js';

/** Every attempt failed with a retryable error and `maxAttempts` was reached. */
export class RetryExhaustedError extends RetryFailure {
  readonly code = RETRY_EXHAUSTED;

  constructor(errors: readonly unknown[]) {
    const last = errors[errors.length - 1];
    super(
      `gave up after ${plural(errors.length, 'attempt')}; the last failed with ${describeError(last)}; ` +
        'raise maxAttempts, or spread the writes to this actor',
      errors,
      last,
    );
    this.name = 'RetryExhaustedError';
  }
}
