import { ValidationError } from '@aether/core';
import { atLeast } from '../util/check.js';
import type { BackoffStrategy } from './backoff.js';
import { type ExponentialOptions, exponentialDelay, resolveExponential } from './exponential.js';

export interface JitterOptions extends ExponentialOptions {
  /**
   * `'full'` (the default): a random wait between 0 and the exponential delay, which spreads
   * concurrent writers the most. `'proportional'`: the exponential delay plus a random share of
   * it of up to `ratio`, as the Go original's jitter pattern did (10%).
   */
  jitter?: 'full' | 'proportional';
  /** For `'proportional'`: the largest share of the delay added at random. Default 0.1. */
  ratio?: number;
}

/**
 * Exponential backoff with random jitter, so that writers that conflicted together do not retry
 * together. With `random()` = r and the exponential delay d (see `exponential`):
 * `'full'` waits `floor(r * d)`; `'proportional'` waits `floor(min(maxDelayMs, d * (1 + ratio * r)))`.
 */
export function exponentialWithJitter(options: JitterOptions = {}): BackoffStrategy {
  const exponential = resolveExponential(options);
  const jitter = options.jitter ?? 'full';
  if (jitter !== 'full' && jitter !== 'proportional') {
    throw new ValidationError('jitter', `must be 'full' or 'proportional', got ${JSON.stringify(jitter)}`);
  }
  const ratio = atLeast(options.ratio ?? 0.1, 'ratio', 0);
  return ({ attempt, random }) => {
    const delay = exponentialDelay(exponential, attempt);
    const r = random();
    if (jitter === 'full') return Math.floor(r * delay);
    return Math.floor(Math.min(exponential.maxDelayMs, delay * (1 + ratio * r)));
  };
}
