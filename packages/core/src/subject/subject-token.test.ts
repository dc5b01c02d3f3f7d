import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { decodeSubjectToken, encodeSubjectToken } from './subject-token.js';

const tokenShape = /^[A-Za-z0-9_~-]+$/;

// Every kind of string JavaScript has: ASCII, full unicode, and lone surrogates.
const anyString = fc.oneof(
  fc.string({ minLength: 1, unit: 'binary' }),
  fc.string({ minLength: 1, unit: 'grapheme' }),
  fc.string({
    minLength: 1,
    unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  }),
  fc.string({
    minLength: 1,
    unit: fc.constantFrom('.', '*', '>', ' ', '~', '0', 'A', '_', '-', '\uD800', '\uDC00'),
  }),
);

describe('encodeSubjectToken / decodeSubjectToken', () => {
  it('decode(encode(s)) === s for any non-empty string', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        expect(decodeSubjectToken(encodeSubjectToken(value))).toBe(value);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('gives a single safe token: no ".", "*", ">", whitespace or control characters', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const token = encodeSubjectToken(value);
        expect(token).toMatch(tokenShape);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('is injective: distinct inputs give distinct tokens', () => {
    fc.assert(
      fc.property(anyString, anyString, (a, b) => {
        fc.pre(a !== b);
        expect(encodeSubjectToken(a)).not.toBe(encodeSubjectToken(b));
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('is injective on near-collisions: an id that looks like an escape vs the escaped character', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyString, { minLength: 2, maxLength: 50 }), (values) => {
        const tokens = new Set(values.map(encodeSubjectToken));
        expect(tokens.size).toBe(values.length);
      }),
    );
  }, 60_000);

  // Tokens made of safe characters and escapes of any code unit, ASCII ones often, so that
  // escapes of characters that need none (`~0041` for `A`) come up.
  const escapeUnit = fc
    .oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff }))
    .map((code) => `~${code.toString(16).toUpperCase().padStart(4, '0')}`);
  const tokenLike = fc
    .array(fc.oneof(fc.constantFrom('a', 'Z', '0', '_', '-', '~', '.', 'f'), escapeUnit), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => parts.join(''));

  it('accepts only the tokens it writes: encode(decode(t)) === t for every token decode accepts', () => {
    fc.assert(
      fc.property(tokenLike, (token) => {
        let decoded: string;
        try {
          decoded = decodeSubjectToken(token);
        } catch (err) {
          expect(err).toBeInstanceOf(ValidationError);
          return;
        }
        expect(encodeSubjectToken(decoded)).toBe(token);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it.each([
    ['.', '~002E'],
    ['*', '~002A'],
    ['>', '~003E'],
    ['a.b', 'a~002Eb'],
    ['a b', 'a~0020b'],
    ['~', '~007E'],
    ['~002E', '~007E002E'],
    ['a/b', 'a~002Fb'],
    ['order-1_A', 'order-1_A'],
    ['\t\n', '~0009~000A'],
    ['😀', '~D83D~DE00'],
    ['é', '~00E9'],
    ['\uD800', '~D800'],
    ['\uFFFD', '~FFFD'],
  ])('encodes %j as %s and back', (value, token) => {
    expect(encodeSubjectToken(value)).toBe(token);
    expect(decodeSubjectToken(token)).toBe(value);
  });

  it('keeps an id that looks like an escape apart from the character it names', () => {
    expect(encodeSubjectToken('~002E')).not.toBe(encodeSubjectToken('.'));
  });

  it('keeps a lone surrogate apart from the replacement character', () => {
    expect(encodeSubjectToken('\uD800')).not.toBe(encodeSubjectToken('\uFFFD'));
    expect(encodeSubjectToken('\uD800')).not.toBe(encodeSubjectToken('\uDC00'));
    expect(decodeSubjectToken(encodeSubjectToken('a\uDC00b\uD800'))).toBe('a\uDC00b\uD800');
  });

  it('handles a 5,000-character id', () => {
    const plain = 'x'.repeat(5000);
    expect(encodeSubjectToken(plain)).toBe(plain);
    const awkward = '.😀~ '.repeat(1000);
    const token = encodeSubjectToken(awkward);
    expect(token).toMatch(tokenShape);
    expect(decodeSubjectToken(token)).toBe(awkward);
  });

  it('rejects an empty id', () => {
    expect(() => encodeSubjectToken('')).toThrow(ValidationError);
  });

  it.each([
    ['empty', ''],
    ['a raw dot', 'a.b'],
    ['a raw space', 'a b'],
    ['a wildcard', '*'],
    ['a truncated escape', 'a~00'],
    ['a lone escape mark', '~'],
    ['lower-case hex', '~002e'],
    ['non-hex digits', '~00G1'],
    ['an escape of a character that needs none', '~0041'],
    ['an escaped underscore', '~005F'],
  ])('decode rejects %s', (_name, token) => {
    expect(() => decodeSubjectToken(token)).toThrow(ValidationError);
  });
});
