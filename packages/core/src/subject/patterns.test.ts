import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { fieldOf } from '../test-support/validation-field.js';
import { compilePattern, matchesPattern, parsePattern, validateNamespace } from './patterns.js';

describe('validateNamespace', () => {
  it.each(['orders', 'tenant-a.orders', 'a.b.c', 'Orders_2024', 'заказы'])('accepts %j', (namespace) => {
    expect(validateNamespace(namespace)).toBe(namespace);
  });

  it.each([
    ['empty', ''],
    ['an empty middle token', 'a..b'],
    ['a leading dot', '.a'],
    ['a trailing dot', 'a.'],
    ['a single-token wildcard', 'a.*'],
    ['a tail wildcard', 'a.>'],
    ['a wildcard inside a token', 'a*b'],
    ['a space', 'a b'],
    ['a tab', 'a\tb'],
    ['a newline', 'a\nb'],
    ['a control character', 'a\u0001'],
    ['DEL', 'a\u007f'],
    ['a C1 control character', 'a\u0085b'],
    ['a non-string', 42],
  ])('rejects %s', (_name, namespace) => {
    expect(fieldOf(() => validateNamespace(namespace))).toBe('namespace');
  });
});

describe('parsePattern', () => {
  it.each([
    ['orders', ['orders']],
    ['*', ['*']],
    ['>', ['>']],
    ['tenant-a.*', ['tenant-a', '*']],
    ['*.orders.>', ['*', 'orders', '>']],
  ])('parses %j', (pattern, tokens) => {
    expect(parsePattern(pattern)).toEqual(tokens);
  });

  it.each([
    ['empty', ''],
    ['">" before the end', 'a.>.b'],
    ['"*" inside a token', 'a*'],
    ['">" inside a token', 'a.b>'],
    ['an empty token', 'a..b'],
    ['a leading dot', '.a'],
    ['a space', 'a .b'],
    ['a non-string', null],
  ])('rejects %s', (_name, pattern) => {
    expect(fieldOf(() => parsePattern(pattern))).toBe('pattern');
  });

  it('names the field it is given', () => {
    expect(fieldOf(() => parsePattern('a.>.b', 'actorPattern'))).toBe('actorPattern');
    expect(fieldOf(() => compilePattern('', 'namespacePattern'))).toBe('namespacePattern');
  });
});

describe('matchesPattern / compilePattern', () => {
  const cases: [pattern: string, subject: string, matches: boolean][] = [
    // literal tokens match only themselves
    ['orders', 'orders', true],
    ['orders', 'order', false],
    ['orders', 'orders.eu', false],
    ['a.b', 'a.b', true],
    ['a.b', 'a.c', false],
    ['a.b', 'a', false],
    // '*' is exactly one token
    ['*', 'orders', true],
    ['*', 'a.b', false],
    ['a.*', 'a.b', true],
    ['a.*', 'a', false],
    ['a.*', 'a.b.c', false],
    ['*.b', 'x.b', true],
    ['*.b', 'x.c', false],
    ['a.*.c', 'a.b.c', true],
    ['a.*.c', 'a.c', false],
    // '>' is one or more trailing tokens
    ['>', 'a', true],
    ['>', 'a.b.c', true],
    ['a.>', 'a.b', true],
    ['a.>', 'a.b.c.d', true],
    ['a.>', 'a', false],
    ['a.>', 'b.c', false],
    ['*.>', 'a.b', true],
    ['*.>', 'a', false],
  ];

  it.each(cases)('%j against %j is %s', (pattern, subject, expected) => {
    expect(matchesPattern(parsePattern(pattern), subject)).toBe(expected);
    expect(compilePattern(pattern)(subject)).toBe(expected);
  });

  it('rejects a bad pattern when compiling', () => {
    expect(() => compilePattern('a.>.b')).toThrow(ValidationError);
  });

  const token = fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/);
  const subject = fc.array(token, { minLength: 1, maxLength: 6 });

  it('a subject matches the pattern made by replacing any of its tokens with "*"', () => {
    fc.assert(
      fc.property(
        subject.chain((tokens) =>
          fc.tuple(
            fc.constant(tokens),
            fc.array(fc.boolean(), { minLength: tokens.length, maxLength: tokens.length }),
          ),
        ),
        ([tokens, wild]) => {
          const pattern = tokens.map((t, index) => (wild[index] ? '*' : t)).join('.');
          expect(compilePattern(pattern)(tokens.join('.'))).toBe(true);
        },
      ),
    );
  }, 60_000);

  it('a subject matches every prefix of it followed by ">", and no longer pattern', () => {
    fc.assert(
      fc.property(subject, fc.nat(), (tokens, cut) => {
        const keep = cut % tokens.length;
        const pattern = [...tokens.slice(0, keep), '>'].join('.');
        expect(compilePattern(pattern)(tokens.join('.'))).toBe(true);
        expect(compilePattern(`${tokens.join('.')}.>`)(tokens.join('.'))).toBe(false);
        expect(compilePattern(`${tokens.join('.')}.*`)(tokens.join('.'))).toBe(false);
      }),
    );
  }, 60_000);

  it('a pattern without wildcards matches only the equal subject', () => {
    fc.assert(
      fc.property(subject, subject, (a, b) => {
        expect(compilePattern(a.join('.'))(b.join('.'))).toBe(a.join('.') === b.join('.'));
      }),
    );
  }, 60_000);
});
