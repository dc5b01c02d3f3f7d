import { describe, expect, it } from 'vitest';
import { isBetter, ratioOf } from './ratio.js';

describe('ratioOf', () => {
  it('is Aether over the baseline', () => {
    expect(ratioOf(300, 200)).toBe(1.5);
  });

  it('is missing when either figure is missing or the baseline is zero', () => {
    expect(ratioOf(undefined, 200)).toBeUndefined();
    expect(ratioOf(300, undefined)).toBeUndefined();
    expect(ratioOf(300, 0)).toBeUndefined();
  });
});

describe('isBetter', () => {
  const throughput = { unit: 'events/s', better: 'higher' } as const;
  const memory = { unit: 'bytes/event', better: 'lower' } as const;

  it('reads a ratio above 1× as better when higher is better', () => {
    expect(isBetter(1.2, throughput)).toBe(true);
    expect(isBetter(0.8, throughput)).toBe(false);
  });

  it('reads a ratio below 1× as better when lower is better', () => {
    expect(isBetter(0.8, memory)).toBe(true);
    expect(isBetter(1.2, memory)).toBe(false);
  });

  it('counts a tie as not worse', () => {
    expect(isBetter(1, throughput)).toBe(true);
    expect(isBetter(1, memory)).toBe(true);
  });
});
