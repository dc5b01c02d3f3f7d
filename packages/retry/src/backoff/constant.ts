import { atLeast } from '../util/check.js';
import type { BackoffStrategy } from './backoff.js';

/** The same wait before every retry; `constant(0)` retries at once. */
export function constant(delayMs: number): BackoffStrategy {
  const delay = Math.floor(atLeast(delayMs, 'delayMs', 0));
  return () => delay;
}
