import { type RetryError, retryErrors } from './brand.js';
import type { RetryErrorCode } from './codes.js';

/**
 * The error of `@aether/retry` (from any copy of the package) in `err` or its `cause` chain,
 * optionally only one with one of `codes`: `findRetryError(err, 'CIRCUIT_OPEN')`.
 */
export const findRetryError = (err: unknown, ...codes: RetryErrorCode[]): RetryError | undefined =>
  retryErrors.find(err, ...codes);

/** True when `err` or an error in its `cause` chain is an error of `@aether/retry` (with one of `codes`). */
export const isRetryError = (err: unknown, ...codes: RetryErrorCode[]): boolean =>
  retryErrors.is(err, ...codes);
