import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type UuidWords, uuidText, uuidWords } from './uuid-words.js';

function roundTrip(text: string): string | undefined {
  const words: UuidWords = [0, 0, 0, 0, 0];
  return uuidWords(text, words) ? uuidText(...words) : undefined;
}

describe('uuidWords and uuidText', () => {
  it('give back every canonical lowercase UUID exactly, the extremes included', () => {
    const ids = [
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '01234567-89ab-cdef-0123-456789abcdef',
      ...Array.from({ length: 2000 }, () => randomUUID()),
    ];
    for (const id of ids) expect(roundTrip(id)).toBe(id);
  });

  it('keep words V8 stores unboxed even with pointer compression (below 2^30)', () => {
    const words: UuidWords = [0, 0, 0, 0, 0];
    expect(uuidWords('ffffffff-ffff-ffff-ffff-ffffffffffff', words)).toBe(true);
    for (const word of words) expect(word).toBeLessThan(2 ** 30);
    expect(words.every((word) => word >= 0 && Number.isInteger(word))).toBe(true);
  });

  it('refuse every other string, which a store then keeps as it is', () => {
    const uuid = '01234567-89ab-cdef-0123-456789abcdef';
    const others = [
      uuid.toUpperCase(),
      `${uuid} `,
      uuid.slice(1),
      uuid.replace('-', 'x'),
      `0${uuid.replace('-', '')}`,
      uuid.replace('a', 'g'),
      uuid.replace('8', '-'),
      uuid.replace('a', 'A'),
      uuid.replace('a', 'é'),
      uuid.replace('a', '\u{10a}'),
      '',
      'order-1#1',
    ];
    for (const other of others) expect(roundTrip(other)).toBeUndefined();
  });
});
