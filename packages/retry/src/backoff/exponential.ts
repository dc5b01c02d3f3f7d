import { atLeast } from '../util/check.js';
import type { BackoffStrategy } from './backoff.js';

export interface ExponentialOptions {
  /** The wait before the second attempt. Default 100 ms. */
  initialDelayMs?: number;
  /** Each further wait is this many times the one before. Default 1.5. */
  factor?: number;
  /** No wait is longer than this. Default 5000 ms. */
  maxDelayMs?: number;
}

export const DEFAULT_EXPONENTIAL: Readonly<Required<ExponentialOptions>> = Object.freeze({
  initialDelayMs: 100,
  factor: 1.5,
  maxDelayMs: 5000,
});

/** The options after defaults and checks. */
export function resolveExponential(options: ExponentialOptions): Required<ExponentialOptions> {
  const resolved = { ...DEFAULT_EXPONENTIAL, ...definedOnly(options) };
  atLeast(resolved.initialDelayMs, 'initialDelayMs', 0);
  atLeast(resolved.factor, 'factor', 1);
  atLeast(resolved.maxDelayMs, 'maxDelayMs', 0);
  return resolved;
}

/** `initialDelayMs * factor ** (attempt - 1)`, capped at `maxDelayMs`; not yet rounded. */
export function exponentialDelay(options: Required<ExponentialOptions>, attempt: number): number {
  return Math.min(options.maxDelayMs, options.initialDelayMs * options.factor ** (attempt - 1));
}

/**
 * Waits `initialDelayMs`, then `factor` times longer each time, never more than `maxDelayMs`,
 * in whole milliseconds (rounded down). Defaults: 100, 150, 225, 337, 506 ms... up to 5 s.
 */
export function exponential(options: ExponentialOptions = {}): BackoffStrategy {
  const resolved = resolveExponential(options);
  return ({ attempt }) => Math.floor(exponentialDelay(resolved, attempt));
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
