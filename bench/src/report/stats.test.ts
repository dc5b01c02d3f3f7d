import { describe, expect, it } from 'vitest';
import { median, percentileOf } from './stats.js';

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('sorts numerically, not as text', () => {
    expect(median([100, 9, 20])).toBe(20);
  });

  it('leaves the caller’s list as it was', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses an empty list rather than inventing a figure', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('percentileOf', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => 100 - index);

  it('gives the nearest-rank value: p50 and p99 of 1..100 are 50 and 99', () => {
    expect(percentileOf(hundred, 50)).toBe(50);
    expect(percentileOf(hundred, 99)).toBe(99);
  });

  it('gives the maximum at p100 and the minimum at p0', () => {
    expect(percentileOf(hundred, 100)).toBe(100);
    expect(percentileOf(hundred, 0)).toBe(1);
  });

  it('gives the only value of a one-value list at any percentile', () => {
    expect(percentileOf([7], 99)).toBe(7);
  });

  it('refuses an empty list', () => {
    expect(() => percentileOf([], 50)).toThrow(RangeError);
  });
});
