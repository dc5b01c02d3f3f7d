import { boundedSubjectToken, valueOfBoundedToken } from '@aether/core/adapter';
import { describe, expect, it } from 'vitest';
import { TokenCache, TokenValueCache } from './subject-token.js';

describe('TokenCache', () => {
  it('returns boundedSubjectToken and stays within its capacity', () => {
    const cache = new TokenCache(3);
    for (const value of ['a', 'b.c', 'd', 'e*', 'a', 'b.c'])
      expect(cache.get(value)).toBe(boundedSubjectToken(value));
  });
});

describe('TokenValueCache', () => {
  it('returns valueOfBoundedToken, remembers hashes as undefined, and stays within its capacity', () => {
    const cache = new TokenValueCache(2);
    const hashed = boundedSubjectToken('x'.repeat(2000));
    for (const token of ['a', 'b~002Ec', hashed, 'a', hashed, 'b~002Ec'])
      expect(cache.get(token)).toBe(valueOfBoundedToken(token));
    expect(() => cache.get('bad#')).toThrow();
    expect(() => cache.get('bad#')).toThrow();
  });
});
