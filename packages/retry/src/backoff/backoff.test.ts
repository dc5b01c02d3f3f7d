import { ValidationError } from '@aether/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflict } from '../test-support/errors.js';
import { adaptive, contentionOf } from './adaptive.js';
import type { BackoffStrategy } from './backoff.js';
import { constant } from './constant.js';
import { exponential } from './exponential.js';
import { exponentialWithJitter } from './jitter.js';

/** The waits a strategy picks for attempts 1..count, with a fixed random number. */
function delays(strategy: BackoffStrategy, count: number, random = 0.5, error: unknown = new Error('x')) {
  return Array.from({ length: count }, (_, index) =>
    strategy({ attempt: index + 1, error, random: () => random }),
  );
}

describe('exponential', () => {
  it('defaults to 100 ms, x1.5, at most 5 s, in whole milliseconds', () => {
    expect(delays(exponential(), 12)).toEqual([
      100, 150, 225, 337, 506, 759, 1139, 1708, 2562, 3844, 5000, 5000,
    ]);
  });

  it('takes its initial delay, factor and cap', () => {
    expect(delays(exponential({ initialDelayMs: 10, factor: 2, maxDelayMs: 100 }), 6)).toEqual([
      10, 20, 40, 80, 100, 100,
    ]);
    expect(delays(exponential({ initialDelayMs: 50, factor: 1 }), 3)).toEqual([50, 50, 50]);
  });

  it('stays at the cap for huge attempt numbers instead of overflowing', () => {
    expect(exponential()({ attempt: 10_000, error: undefined, random: Math.random })).toBe(5000);
  });

  it.each([
    ['initialDelayMs', { initialDelayMs: -1 }],
    ['factor', { factor: 0.5 }],
    ['maxDelayMs', { maxDelayMs: Number.NaN }],
  ])('rejects a bad %s with a ValidationError naming it', (field, options) => {
    expect(() => exponential(options)).toThrow(ValidationError);
    expect(() => exponential(options)).toThrow(field);
  });
});

describe('exponentialWithJitter', () => {
  it('full jitter (the default) waits random * the exponential delay', () => {
    expect(delays(exponentialWithJitter(), 4, 0.5)).toEqual([50, 75, 112, 168]);
    expect(delays(exponentialWithJitter({ jitter: 'full' }), 3, 0)).toEqual([0, 0, 0]);
    expect(delays(exponentialWithJitter({ jitter: 'full' }), 3, 0.999)).toEqual([99, 149, 224]);
  });

  it('proportional jitter adds up to ratio (default 10%, as in Go) of the delay', () => {
    expect(delays(exponentialWithJitter({ jitter: 'proportional' }), 3, 0.5)).toEqual([105, 157, 236]);
    expect(delays(exponentialWithJitter({ jitter: 'proportional' }), 3, 0)).toEqual([100, 150, 225]);
    expect(delays(exponentialWithJitter({ jitter: 'proportional', ratio: 0.5 }), 2, 0.5)).toEqual([125, 187]);
  });

  it('never goes over the cap, even with proportional jitter', () => {
    const strategy = exponentialWithJitter({ jitter: 'proportional', ratio: 1, maxDelayMs: 1000 });
    expect(delays(strategy, 20, 0.99).at(-1)).toBe(1000);
  });

  it('stays within its bounds for any random number and attempt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const base = Math.min(5000, 100 * 1.5 ** (attempt - 1));
          const full = exponentialWithJitter()({ attempt, error: undefined, random: () => r });
          const proportional = exponentialWithJitter({ jitter: 'proportional' })({
            attempt,
            error: undefined,
            random: () => r,
          });
          expect(full).toBeGreaterThanOrEqual(0);
          expect(full).toBeLessThanOrEqual(base);
          expect(Number.isInteger(full)).toBe(true);
          expect(proportional).toBeGreaterThanOrEqual(Math.floor(base));
          expect(proportional).toBeLessThanOrEqual(Math.min(5000, base * 1.1));
        },
      ),
    );
  }, 60_000);

  it('rejects an unknown jitter kind and a negative ratio', () => {
    expect(() => exponentialWithJitter({ jitter: 'half' as 'full' })).toThrow(
      "must be 'full' or 'proportional'",
    );
    expect(() => exponentialWithJitter({ jitter: 'proportional', ratio: -0.1 })).toThrow('ratio');
  });
});

describe('constant', () => {
  it('waits the same every time', () => {
    expect(delays(constant(250), 4)).toEqual([250, 250, 250, 250]);
    expect(delays(constant(0), 2)).toEqual([0, 0]);
  });

  it('rejects a negative or infinite wait', () => {
    expect(() => constant(-5)).toThrow(ValidationError);
    expect(() => constant(Number.POSITIVE_INFINITY)).toThrow('delayMs');
  });
});

describe('adaptive', () => {
  // distance = currentVersion - attemptedVersion
  const waitFor = (distance: number, options = {}) =>
    adaptive(options)({ attempt: 1, error: conflict(10, 10 + distance), random: Math.random });

  it.each([
    [0, 50, 'light'],
    [1, 50, 'light'],
    [3, 50, 'light'],
    [4, 70, 'moderate'],
    [7, 85, 'moderate'],
    [10, 100, 'moderate'],
    [11, 110, 'heavy'],
    [25, 250, 'heavy'],
    [499, 4990, 'heavy'],
    [500, 5000, 'heavy'],
    [100_000, 5000, 'heavy'],
  ])('waits for a conflict at distance %i: %i ms (%s contention)', (distance, expected, band) => {
    expect(waitFor(distance)).toBe(expected);
    expect(contentionOf(conflict(10, 10 + distance))).toBe(band);
  });

  it('never waits less for a larger distance', () => {
    const waits = Array.from({ length: 200 }, (_, distance) => waitFor(distance));
    for (let index = 1; index < waits.length; index++) {
      expect(waits[index]).toBeGreaterThanOrEqual(waits[index - 1] as number);
    }
  });

  it('reads the conflict through a cause chain', () => {
    const wrapped = new Error('save failed', { cause: conflict(1, 21) });
    expect(adaptive()({ attempt: 1, error: wrapped, random: Math.random })).toBe(200);
  });

  it('waits the light delay for an error that is not a conflict', () => {
    expect(adaptive()({ attempt: 3, error: new Error('timeout'), random: Math.random })).toBe(50);
    expect(contentionOf(new Error('timeout'))).toBe('light');
  });

  it('takes other thresholds and waits', () => {
    const options = {
      lightMaxDistance: 0,
      moderateMaxDistance: 2,
      lightDelayMs: 10,
      moderateMsPerVersion: 100,
      heavyMsPerVersion: 1000,
      maxDelayMs: 3500,
    };
    expect([0, 1, 2, 3, 4].map((distance) => waitFor(distance, options))).toEqual([10, 110, 210, 3000, 3500]);
  });

  it('rejects a moderate threshold below the light one', () => {
    expect(() => adaptive({ lightMaxDistance: 5, moderateMaxDistance: 2 })).toThrow('moderateMaxDistance');
  });
});
