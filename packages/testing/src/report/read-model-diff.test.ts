import { describe, expect, it } from 'vitest';
import { readModelText, textDiff } from './read-model-diff.js';

describe('readModelText', () => {
  it('is the same for read models that differ only in the order of their keys', () => {
    expect(readModelText({ b: 1, a: { d: 2, c: [3, 4] } })).toBe(
      readModelText({ a: { c: [3, 4], d: 2 }, b: 1 }),
    );
    expect(readModelText({ a: [1, 2] })).not.toBe(readModelText({ a: [2, 1] }));
  });

  it('shows a Map with string keys as an object, any other Map as entries, a Set as a list, a Date and a bigint as text', () => {
    expect(
      JSON.parse(
        readModelText(
          new Map<string, unknown>([
            ['b', new Set([1])],
            ['a', new Date(0)],
          ]),
        ),
      ),
    ).toEqual({
      a: '1970-01-01T00:00:00.000Z',
      b: [1],
    });
    expect(JSON.parse(readModelText(new Map([[1, 10n]])))).toEqual([[1, '10n']]);
    expect(readModelText(new Map([['a', 1]]))).toBe(readModelText({ a: 1 }));
    expect(readModelText(undefined)).toBe('undefined');
  });
});

describe('textDiff', () => {
  it('shows common lines once and the lines only one side has after - or +', () => {
    expect(textDiff('a\nb\nc', 'a\nx\nc\nd').split('\n')).toEqual([
      '  - expected',
      '  + actual',
      '    a',
      '  - b',
      '  + x',
      '    c',
      '  + d',
    ]);
    expect(textDiff('a\nb', 'b').split('\n')).toEqual(['  - expected', '  + actual', '  - a', '    b']);
  });
});
