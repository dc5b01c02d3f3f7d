import { retryErrorBrand } from './brand.js';
import type { RetryErrorCode } from './codes.js';

/**
 * True for an error thrown by `@aether/retry` (from any copy of the package), optionally only for
 * the given codes: `isRetryError(err, 'CIRCUIT_OPEN')`. Looks at `err` itself, not its causes.
 */
export function isRetryError(
  error: unknown,
  ...codes: RetryErrorCode[]
): error is Error & { code: RetryErrorCode } {
  if (typeof error !== 'object' || error === null) return false;
  if ((error as Record<symbol, unknown>)[retryErrorBrand] !== true) return false;
  return codes.length === 0 || codes.includes((error as { code: RetryErrorCode }).code);
}
