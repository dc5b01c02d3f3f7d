import { describe, expect, it } from 'vitest';
import { plural, versionRange } from './format.js';

describe('plural', () => {
  it('uses the singular for exactly 1 and the plural for every other count, 0 included', () => {
    expect(plural(1, 'event')).toBe('1 event');
    expect(plural(0, 'event')).toBe('0 events');
    expect(plural(2, 'event')).toBe('2 events');
  });

  it('takes an irregular plural', () => {
    expect(plural(1, 'retry', 'retries')).toBe('1 retry');
    expect(plural(3, 'retry', 'retries')).toBe('3 retries');
  });
});

describe('versionRange', () => {
  it('names one version alone and a range from 1', () => {
    expect(versionRange(1)).toBe('version 1');
    expect(versionRange(5)).toBe('versions 1-5');
  });
});
