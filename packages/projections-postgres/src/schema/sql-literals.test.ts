import { isValidationError } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { integerLiteral, textLiteral } from './sql-literals.js';

describe('SQL literals', () => {
  it('quotes text, doubling quotes, and writes text with a backslash as an E string with it doubled', () => {
    expect(textLiteral('orders')).toBe("'orders'");
    expect(textLiteral("o'rders")).toBe("'o''rders'");
    expect(textLiteral("a\\'; DROP TABLE x; --")).toBe(" E'a\\\\''; DROP TABLE x; --'");
  });

  it('writes whole numbers only', () => {
    expect(integerLiteral('to', 42)).toBe('42');
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => integerLiteral('to', bad)).toThrow(/to/);
    }
    expect(isValidationError(captured(() => integerLiteral('to', 0.5)))).toBe(true);
  });
});

function captured(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
