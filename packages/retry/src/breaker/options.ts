import { ValidationError } from '@aether/core';
import type { Clock } from '../clock/clock.js';
import { systemClock } from '../clock/clock.js';
import { isNeverRetried } from '../retry/never-retried.js';
import { atLeast, wholeNumber } from '../util/check.js';

export type CircuitState = 'closed' | 'open' | 'half-open';

/** One state change, as `onStateChange` receives it. */
export interface CircuitStateChange {
  circuit: string;
  from: CircuitState;
  to: CircuitState;
  /** `clock.now()` when it happened. */
  at: number;
  /** What made the circuit open (the failing call's error); absent for other changes. */
  error?: unknown;
}

export interface CircuitBreakerOptions {
  /** A name for messages and state changes. Default `'circuit'`. */
  name?: string;
  /** Failures in a row (while closed) that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long an open circuit fails fast before it lets a trial call through. Default 30,000 ms. */
  openDurationMs?: number;
  /** Successful trial calls in a row (while half-open) that close the circuit again. Default 3. */
  successThreshold?: number;
  /**
   * Which errors count as failures. Default: every error except a `ValidationError`, which says
   * nothing about the health of what the breaker protects.
   */
  isFailure?: (error: unknown) => boolean;
  /** Called on every state change. It should not throw; if it does, the error is rethrown asynchronously. */
  onStateChange?: (change: CircuitStateChange) => void;
  /** Where time comes from (only `now()` is used). Default `systemClock`. */
  clock?: Pick<Clock, 'now'>;
}

/** The Go original's thresholds: 5 failures open it for 30 s; 3 successes close it. */
export const CIRCUIT_BREAKER_DEFAULTS = Object.freeze({
  name: 'circuit',
  failureThreshold: 5,
  openDurationMs: 30_000,
  successThreshold: 3,
});

export type ResolvedBreakerOptions = Required<Omit<CircuitBreakerOptions, 'onStateChange'>> &
  Pick<CircuitBreakerOptions, 'onStateChange'>;

export function resolveBreakerOptions(options: CircuitBreakerOptions): ResolvedBreakerOptions {
  const d = CIRCUIT_BREAKER_DEFAULTS;
  const name = options.name ?? d.name;
  if (typeof name !== 'string' || name === '')
    throw new ValidationError('name', 'must be a non-empty string');
  return {
    name,
    failureThreshold: wholeNumber(options.failureThreshold ?? d.failureThreshold, 'failureThreshold', 1),
    openDurationMs: atLeast(options.openDurationMs ?? d.openDurationMs, 'openDurationMs', 0),
    successThreshold: wholeNumber(options.successThreshold ?? d.successThreshold, 'successThreshold', 1),
    isFailure: options.isFailure ?? ((error) => !isNeverRetried(error)),
    onStateChange: options.onStateChange,
    clock: options.clock ?? systemClock,
  };
}
