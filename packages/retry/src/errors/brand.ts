import type { AetherError } from '@aether/core';
import { type ErrorKind, errorKind } from '@aether/core/adapter';
import type { RetryErrorCode } from './codes.js';

/** An error `@aether/retry` throws: one of its codes. */
export type RetryError = AetherError & { readonly code: RetryErrorCode };

/** Every error of `@aether/retry`, recognised across duplicated package copies. */
export const retryErrors: ErrorKind<RetryError> = errorKind('@aether/retry.error');

/** Brands a new error of this package (call it in the constructor). */
export function brand(error: RetryError): void {
  retryErrors.mark(error);
}

/** A one-line description of any thrown value, short enough for another error's message. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.replaceAll('\n', ' ');
  return line.length > 300 ? `${line.slice(0, 300)}...` : line;
}
