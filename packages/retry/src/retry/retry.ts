import { RetryAbortedError } from '../errors/retry-aborted-error.js';
import { RetryExhaustedError } from '../errors/retry-exhausted-error.js';
import { RetryThrashingError } from '../errors/retry-thrashing-error.js';
import { checkedDelay } from './checked-delay.js';
import { isNeverRetried } from './never-retried.js';
import { type ResolvedRetryOptions, type RetryOptions, resolveRetryOptions } from './options.js';
import { ThrashDetector } from './thrash-detector.js';

/** What the operation is told on each attempt. */
export interface AttemptContext {
  /** 1 for the first attempt. */
  attempt: number;
  /** The caller's signal, to pass on to whatever the operation waits for. */
  signal: AbortSignal | undefined;
}

/**
 * Runs `operation` until it succeeds, retrying the errors `retryOn` accepts (default: version
 * conflicts) with waits from `backoff`, at most `maxAttempts` times in all.
 *
 * It rejects with:
 * - the operation's own error, unchanged, when that error is not retried (a `ValidationError`
 *   never is), so `instanceof` checks keep working;
 * - `RetryExhaustedError` when the attempts ran out, `RetryThrashingError` when conflicts kept
 *   reporting the same version, `RetryAbortedError` when `signal` fired. All three hold every
 *   attempt's error in `errors` and the last one in `cause`.
 */
export async function retry<T>(
  operation: (context: AttemptContext) => T | Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const resolved = resolveRetryOptions(options);
  const { signal } = resolved;
  const errors: unknown[] = [];
  const thrash = new ThrashDetector(resolved.thrashThreshold);
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw new RetryAbortedError(errors, signal.reason);
    try {
      return await operation({ attempt, signal });
    } catch (error) {
      errors.push(error);
      await afterFailure(resolved, errors, thrash, attempt, error);
    }
  }
}

/** Throws when there is no next attempt; otherwise waits for it. */
async function afterFailure(
  options: ResolvedRetryOptions,
  errors: unknown[],
  thrash: ThrashDetector,
  attempt: number,
  error: unknown,
): Promise<void> {
  const { signal } = options;
  if (signal?.aborted) throw new RetryAbortedError(errors, signal.reason);
  if (isNeverRetried(error) || !options.retryOn(error, attempt)) throw error;
  const thrashing = thrash.record(error);
  if (thrashing !== undefined) throw new RetryThrashingError(errors, thrashing.conflict, thrashing.repeats);
  if (attempt >= options.maxAttempts) throw new RetryExhaustedError(errors);
  const delay = checkedDelay(options.backoff({ attempt, error, random: options.random }));
  options.onRetry?.(attempt, delay, error);
  try {
    await options.clock.sleep(delay, signal);
  } catch (sleepError) {
    if (signal?.aborted) throw new RetryAbortedError(errors, signal.reason);
    throw sleepError;
  }
}
