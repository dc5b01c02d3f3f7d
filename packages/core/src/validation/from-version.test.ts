import { describe, expect, it } from 'vitest';
import { isValidationError } from '../errors/validation-error.js';
import { checkFromVersion } from './from-version.js';

describe('checkFromVersion', () => {
  it('defaults to 1 and treats 0 like 1', () => {
    expect(checkFromVersion(undefined)).toBe(1);
    expect(checkFromVersion(0)).toBe(1);
  });

  it('keeps any other safe integer', () => {
    expect(checkFromVersion(1)).toBe(1);
    expect(checkFromVersion(42)).toBe(42);
    expect(checkFromVersion(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1, '2'])(
    'rejects %s with a ValidationError naming fromVersion',
    (bad) => {
      let caught: unknown;
      try {
        checkFromVersion(bad as number);
      } catch (error) {
        caught = error;
      }
      expect(isValidationError(caught)).toBe(true);
      expect(caught).toMatchObject({ field: 'fromVersion' });
    },
  );
});
