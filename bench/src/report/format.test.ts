import { describe, expect, it } from 'vitest';
import {
  describeRuns,
  formatCount,
  formatNumber,
  formatRatio,
  formatSeconds,
  formatValue,
} from './format.js';

describe('formatNumber', () => {
  it('rounds values from 100 up to whole numbers with thousands separators', () => {
    expect(formatNumber(1_234_567.89)).toBe('1,234,568');
    expect(formatNumber(100)).toBe('100');
  });

  it('keeps three significant digits below 100', () => {
    expect(formatNumber(0.81234)).toBe('0.812');
    expect(formatNumber(41.549)).toBe('41.5');
    expect(formatNumber(0.004431)).toBe('0.00443');
  });

  it('drops trailing zeros', () => {
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(2)).toBe('2');
  });

  it('treats negative values by their size', () => {
    expect(formatNumber(-1234.4)).toBe('-1,234');
  });
});

describe('formatted figures', () => {
  it('puts the unit after a value', () => {
    expect(formatValue(631_477.2, 'events/s')).toBe('631,477 events/s');
  });

  it('marks a ratio with ×', () => {
    expect(formatRatio(41.53)).toBe('41.5×');
    expect(formatRatio(0.0371)).toBe('0.0371×');
  });

  it('writes counts in full with separators', () => {
    expect(formatCount(100_000)).toBe('100,000');
  });

  it('gives seconds one decimal below 10 s and whole seconds from there', () => {
    expect(formatSeconds(2.345)).toBe('2.3 s');
    expect(formatSeconds(61.4)).toBe('61 s');
  });
});

describe('describeRuns', () => {
  it('names warm-ups and measured runs, singular and plural', () => {
    expect(describeRuns({ warmups: 1, repetitions: 5 })).toBe(
      '1 warm-up run, then the median of 5 measured runs',
    );
    expect(describeRuns({ warmups: 2, repetitions: 5 })).toBe(
      '2 warm-up runs, then the median of 5 measured runs',
    );
  });

  it('says so when there is no warm-up', () => {
    expect(describeRuns({ warmups: 0, repetitions: 2 })).toBe(
      'no warm-up, then the median of 2 measured runs',
    );
  });

  it('counts the runs of every process when contenders are measured in several', () => {
    expect(describeRuns({ warmups: 2, repetitions: 3, processes: 3 })).toBe(
      'in each of 3 fresh processes per contender 2 warm-up runs, then 3 measured runs; the median of all 9',
    );
    expect(describeRuns({ warmups: 1, repetitions: 5, processes: 1 })).toBe(
      '1 warm-up run, then the median of 5 measured runs',
    );
  });
});
