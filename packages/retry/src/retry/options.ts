import { isVersionConflict } from '@aether/core';
import type { BackoffStrategy } from '../backoff/backoff.js';
import { exponentialWithJitter } from '../backoff/jitter.js';
import { type Clock, type RandomSource, systemClock } from '../clock/clock.js';
import { wholeNumber } from '../util/check.js';

/** Decides whether an attempt's error is worth another attempt (`attempt` is the one that failed). */
export type RetryPredicate = (error: unknown, attempt: number) => boolean;

export interface RetryOptions {
  /** How many times the operation may run in all, the first time included. Default 4 (3 retries). */
  maxAttempts?: number;
  /**
   * The wait before each retry. Default: `exponentialWithJitter()`, a random wait between 0 and
   * 100 ms, 150 ms, 225 ms... (x1.5 each time, at most 5 s).
   */
  backoff?: BackoffStrategy;
  /**
   * Which errors are retried. Default: version conflicts only (`isVersionConflict`, which follows
   * `cause` chains). A `ValidationError` is never retried, whatever this says.
   */
  retryOn?: RetryPredicate;
  /** Called before each wait: the attempt that failed (1 for the first), the wait in ms, its error. */
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
  /** Cancels the wait at once and stops further attempts (`RetryAbortedError`). */
  signal?: AbortSignal;
  /**
   * Stop early (`RetryThrashingError`) after this many conflicts in a row that report the same
   * current version of the same actor. Default 3; `Infinity` turns it off.
   */
  thrashThreshold?: number;
  /** Where waits happen. Default `systemClock`; inject a `VirtualClock` in tests. */
  clock?: Clock;
  /** Random numbers in [0, 1) for jitter. Default `Math.random`. */
  random?: RandomSource;
}

/** The defaults of `retry` (and of `saveWithRetry`, which takes the same options). */
export const RETRY_DEFAULTS = Object.freeze({
  maxAttempts: 4,
  thrashThreshold: 3,
  retryOn: isVersionConflict as RetryPredicate,
});

export interface ResolvedRetryOptions {
  maxAttempts: number;
  backoff: BackoffStrategy;
  retryOn: RetryPredicate;
  onRetry: RetryOptions['onRetry'];
  signal: AbortSignal | undefined;
  thrashThreshold: number;
  clock: Clock;
  random: RandomSource;
}

const defaultBackoff = exponentialWithJitter();

export function resolveRetryOptions(options: RetryOptions): ResolvedRetryOptions {
  return {
    maxAttempts: wholeNumber(options.maxAttempts ?? RETRY_DEFAULTS.maxAttempts, 'maxAttempts', 1, true),
    backoff: options.backoff ?? defaultBackoff,
    retryOn: options.retryOn ?? RETRY_DEFAULTS.retryOn,
    onRetry: options.onRetry,
    signal: options.signal,
    thrashThreshold: wholeNumber(
      options.thrashThreshold ?? RETRY_DEFAULTS.thrashThreshold,
      'thrashThreshold',
      1,
      true,
    ),
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
  };
}
