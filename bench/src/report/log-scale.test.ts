import { describe, expect, it } from 'vitest';
import { logScale } from './log-scale.js';

describe('logScale', () => {
  it('spans at least 0.1× to 10×, with 1× in the middle', () => {
    const scale = logScale([1.5], 0, 200);
    expect(scale.ticks).toEqual([0.1, 1, 10]);
    expect(scale.x(1)).toBeCloseTo(100);
  });

  it('widens to whole decades that hold every ratio', () => {
    const scale = logScale([0.004, 41], 0, 100);
    expect(scale.ticks).toEqual([0.001, 0.01, 0.1, 1, 10, 100]);
    expect(scale.x(0.001)).toBeCloseTo(0);
    expect(scale.x(100)).toBeCloseTo(100);
  });

  it('ignores ratios that cannot sit on a log scale', () => {
    expect(logScale([0, -1], 0, 100).ticks).toEqual([0.1, 1, 10]);
  });
});
