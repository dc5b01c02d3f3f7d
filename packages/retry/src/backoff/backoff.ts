import type { RandomSource } from '../clock/clock.js';

/** What a backoff strategy knows when it picks the wait before the next attempt. */
export interface BackoffContext {
  /** How many attempts have failed so far: 1 for the wait before the second attempt. */
  attempt: number;
  /** What the last attempt threw. */
  error: unknown;
  /** Random numbers in [0, 1); the retry's injectable `random` option. */
  random: RandomSource;
}

/** Picks the wait, in milliseconds, before the next attempt. */
export type BackoffStrategy = (context: BackoffContext) => number;
