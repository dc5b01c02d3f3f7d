import { ValidationError } from '@aether/core';

/** How long `whenCaughtUp` and `whenProcessed` wait by default before failing with `TIMEOUT`. */
export const DEFAULT_WAIT_TIMEOUT_MS = 30_000;

// setTimeout's limit: a longer wait would fire at once.
const longestTimer = 2_147_483_647;

/**
 * The wait of `options.timeoutMs`, checked: a whole number of milliseconds from 1 to about 24.8
 * days, or `Infinity` to wait for as long as the runner runs (it still ends when the runner stops
 * or fails). Throws `ValidationError` otherwise.
 */
export function waitTimeout(options: { timeoutMs?: number } | undefined): number {
  const timeoutMs = options?.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  if (timeoutMs === Number.POSITIVE_INFINITY) return timeoutMs;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > longestTimer) {
    throw new ValidationError(
      'timeoutMs',
      `must be a whole number of milliseconds from 1 to ${longestTimer}, or Infinity, got ${String(timeoutMs)}`,
    );
  }
  return timeoutMs;
}

/** `position`, checked: a whole number >= 0 (a position of the log). */
export function checkedPosition(position: unknown): number {
  if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0) {
    throw new ValidationError(
      'position',
      `must be a position of the log (a whole number >= 0), got ${String(position)}`,
    );
  }
  return position;
}
