import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlainJsonString, writePlainJsonString } from './plain-json-string.js';

const anyString = fc.oneof(
  fc.string({ maxLength: 140 }),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.uuid(),
  fc.constantFrom('', 'a"b', 'a\\b', 'tab\there', 'x'.repeat(128), 'x'.repeat(129)),
);

describe('plain JSON strings', () => {
  it('are written with exactly the bytes JSON.stringify and UTF-8 give, or not at all', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const target = new Uint8Array(1000);
        const written = writePlainJsonString(target, 3, value);
        const json = Buffer.from(JSON.stringify(value));
        if (written === -1) {
          expect(/^[\x20\x21\x23-\x5B\x5D-\x7E]{0,128}$/.test(value)).toBe(false);
          return;
        }
        expect([...target.subarray(3, 3 + written)]).toEqual([...json]);
      }),
    );
  }, 60_000);

  it('are read back as JSON.parse reads them, and anything else is left to JSON.parse', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const bytes = Buffer.concat([
          Buffer.from('..'),
          Buffer.from(JSON.stringify(value)),
          Buffer.from('..'),
        ]);
        const read = readPlainJsonString(bytes, 2, bytes.length - 2);
        if (read !== undefined) expect(read).toBe(value);
        else expect(/^[\x20\x21\x23-\x5B\x5D-\x7E]{0,128}$/.test(value)).toBe(false);
      }),
    );
  }, 60_000);

  it.each([
    ['a lone quote', '"'],
    ['no closing quote', '"abc'],
    ['an escape', '"a\\nb"'],
    ['a number', '12'],
    ['a non-ASCII byte', '"caf\xe9"'],
  ])('are not read from %s', (_case, text) => {
    const bytes = Buffer.from(text, 'latin1');
    expect(readPlainJsonString(bytes, 0, bytes.length)).toBeUndefined();
  });
});
