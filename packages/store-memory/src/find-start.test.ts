import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findStart as findStartIn } from './find-start.js';

const history = (...versions: number[]) => versions;
const findStart = (versions: readonly number[], from: number) =>
  findStartIn(versions.length, from, (index) => versions[index] as number);

describe('findStart', () => {
  it('returns 0 for an empty history, whatever the version', () => {
    expect(findStart([], 1)).toBe(0);
    expect(findStart([], 1_000)).toBe(0);
  });

  it('finds the first, a middle and the last event exactly', () => {
    const events = history(1, 2, 3, 4, 5);
    expect(findStart(events, 1)).toBe(0);
    expect(findStart(events, 3)).toBe(2);
    expect(findStart(events, 5)).toBe(4);
  });

  it('returns 0 below the first version and the length beyond the last', () => {
    const events = history(3, 4, 5);
    expect(findStart(events, 1)).toBe(0);
    expect(findStart(events, 6)).toBe(3);
    expect(findStart(events, Number.MAX_SAFE_INTEGER)).toBe(3);
  });

  it('lands on the next stored version when fromVersion falls in a gap', () => {
    const events = history(1, 5, 10, 20);
    expect(findStart(events, 2)).toBe(1);
    expect(findStart(events, 6)).toBe(2);
    expect(findStart(events, 11)).toBe(3);
    expect(findStart(events, 21)).toBe(4);
  });

  it('handles one-event histories at both boundaries', () => {
    expect(findStart(history(7), 7)).toBe(0);
    expect(findStart(history(7), 8)).toBe(1);
  });

  it('agrees with a linear scan for any ascending history', () => {
    const ascending = fc
      .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 200 })
      .map((versions) => history(...versions.sort((a, b) => a - b)));
    fc.assert(
      fc.property(ascending, fc.integer({ min: 0, max: 10_001 }), (events, from) => {
        const linear = events.findIndex((version) => version >= from);
        expect(findStart(events, from)).toBe(linear === -1 ? events.length : linear);
      }),
    );
  }, 60_000);
});
