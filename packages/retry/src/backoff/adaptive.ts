import { findVersionConflict } from '@aether/core';
import { atLeast } from '../util/check.js';
import type { BackoffStrategy } from './backoff.js';

/**
 * The thresholds and waits of `adaptive`. The distance is `currentVersion - attemptedVersion` of
 * the `VersionConflictError`: how many versions other writers landed beyond the one this writer
 * tried (0 when exactly one other writer got there first).
 */
export interface AdaptiveOptions {
  /** Light contention: distance <= this. Default 3 (the Go original's threshold). */
  lightMaxDistance?: number;
  /** Heavy contention: distance > this; moderate in between. Default 10 (the Go original's). */
  moderateMaxDistance?: number;
  /** The wait under light contention, and for errors that are not conflicts. Default 50 ms (as in Go). */
  lightDelayMs?: number;
  /** Moderate contention waits `lightDelayMs + moderateMsPerVersion * distance`. Default 5 ms. */
  moderateMsPerVersion?: number;
  /** Heavy contention waits `heavyMsPerVersion * distance`. Default 10 ms (as in Go). */
  heavyMsPerVersion?: number;
  /** No wait is longer than this. Default 5000 ms. */
  maxDelayMs?: number;
}

export const DEFAULT_ADAPTIVE: Readonly<Required<AdaptiveOptions>> = Object.freeze({
  lightMaxDistance: 3,
  moderateMaxDistance: 10,
  lightDelayMs: 50,
  moderateMsPerVersion: 5,
  heavyMsPerVersion: 10,
  maxDelayMs: 5000,
});

/**
 * Waits according to how contended the actor is, read from the version conflict itself.
 * Defaults (distance d = currentVersion - attemptedVersion):
 *
 * | contention | distance | wait |
 * |---|---|---|
 * | light | d <= 3 | 50 ms |
 * | moderate | 3 < d <= 10 | 50 + 5 * d ms (70-100 ms) |
 * | heavy | d > 10 | 10 * d ms (110 ms and up), at most 5000 ms |
 *
 * The thresholds and the light and heavy waits are the Go original's. Its moderate band waited
 * only d ms, less than its light band; here every band waits at least as long as the one below.
 * Errors that are not version conflicts wait `lightDelayMs`.
 */
export function adaptive(options: AdaptiveOptions = {}): BackoffStrategy {
  const o = resolve(options);
  return ({ error }) => {
    const conflict = findVersionConflict(error);
    if (conflict === undefined) return Math.floor(Math.min(o.maxDelayMs, o.lightDelayMs));
    const distance = Math.max(0, conflict.currentVersion - conflict.attemptedVersion);
    let delay: number;
    if (distance <= o.lightMaxDistance) delay = o.lightDelayMs;
    else if (distance <= o.moderateMaxDistance) delay = o.lightDelayMs + o.moderateMsPerVersion * distance;
    else delay = o.heavyMsPerVersion * distance;
    return Math.floor(Math.min(o.maxDelayMs, delay));
  };
}

/** The contention band a conflict falls in under `options`: for logs and for the README. */
export function contentionOf(error: unknown, options: AdaptiveOptions = {}): 'light' | 'moderate' | 'heavy' {
  const o = resolve(options);
  const conflict = findVersionConflict(error);
  const distance = conflict === undefined ? 0 : conflict.currentVersion - conflict.attemptedVersion;
  if (distance <= o.lightMaxDistance) return 'light';
  return distance <= o.moderateMaxDistance ? 'moderate' : 'heavy';
}

function resolve(options: AdaptiveOptions): Required<AdaptiveOptions> {
  const o = { ...DEFAULT_ADAPTIVE };
  for (const key of Object.keys(DEFAULT_ADAPTIVE) as Array<keyof AdaptiveOptions>) {
    const value = options[key];
    if (value !== undefined) o[key] = atLeast(value, key, 0);
  }
  if (o.moderateMaxDistance < o.lightMaxDistance) {
    atLeast(o.moderateMaxDistance, 'moderateMaxDistance', o.lightMaxDistance);
  }
  return o;
}
