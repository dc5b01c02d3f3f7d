import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HASHED_TOKEN_MARK,
  MAX_SUBJECT_TOKEN_LENGTH as MAX_TOKEN_LENGTH,
  boundedSubjectToken as subjectToken,
  valueOfBoundedToken as valueOfToken,
} from './bounded-token.js';
import { encodeSubjectToken } from './subject-token.js';

const anyId = fc.string({ minLength: 1, maxLength: 300, unit: 'binary' });

describe('boundedSubjectToken', () => {
  it('is the shared encodeSubjectToken whenever that fits in MAX_TOKEN_LENGTH', () => {
    fc.assert(
      fc.property(anyId, (value) => {
        const encoded = encodeSubjectToken(value);
        fc.pre(encoded.length <= MAX_TOKEN_LENGTH);
        expect(subjectToken(value)).toBe(encoded);
      }),
    );
  }, 60_000);

  it('is always one NATS token: no dot, wildcard, whitespace or control character', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyId, fc.string({ minLength: 1000, maxLength: 3000, unit: 'binary' })),
        (value) => {
          const token = subjectToken(value);
          expect(token).not.toMatch(/[.*>\s\p{Cc}]/u);
          expect(token.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
        },
      ),
    );
  }, 60_000);

  it('keeps distinct values apart', () => {
    fc.assert(
      fc.property(anyId, anyId, (a, b) => {
        fc.pre(a !== b);
        expect(subjectToken(a)).not.toBe(subjectToken(b));
      }),
    );
  }, 60_000);

  it('hashes a value whose encoding is too long, deterministically', () => {
    const long = `order-${'é'.repeat(2000)}`;
    const token = subjectToken(long);
    expect(token.startsWith(HASHED_TOKEN_MARK)).toBe(true);
    expect(token).toMatch(/^~H[0-9A-F]{64}$/);
    expect(subjectToken(long)).toBe(token);
    expect(subjectToken(`${long}x`)).not.toBe(token);
    // An id of plain characters is its own token up to the limit, and hashed past it.
    expect(subjectToken('a'.repeat(MAX_TOKEN_LENGTH))).toBe('a'.repeat(MAX_TOKEN_LENGTH));
    expect(subjectToken('a'.repeat(MAX_TOKEN_LENGTH + 1))).toMatch(/^~H/);
  });

  it('never gives an encoded value the hashed form', () => {
    // `~` itself is escaped as ~007E, so `~H...` can only come from hashing.
    expect(subjectToken('~H00')).toBe('~007EH00');
  });
});

describe('valueOfBoundedToken', () => {
  it('gives back the value of every token that is not a hash', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyId, fc.string({ minLength: 1000, maxLength: 1100, unit: 'binary' })),
        (value) => {
          const token = subjectToken(value);
          expect(valueOfToken(token)).toBe(token.startsWith(HASHED_TOKEN_MARK) ? undefined : value);
        },
      ),
    );
  }, 60_000);

  it.each([
    ['a non-canonical escape', 'order~002D1'],
    ['a lower-case escape', 'order~002e1'],
    ['a cut escape', 'order~00'],
    ['a character the encoding never writes', 'order#1'],
    ['a token longer than any it writes', 'a'.repeat(MAX_TOKEN_LENGTH + 1)],
  ])('refuses %s, so that every value has one token', (_case, token) => {
    expect(() => valueOfToken(token)).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
  });
});
