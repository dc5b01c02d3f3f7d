import { expect } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';

/** The `field` of the ValidationError `action` throws; fails the test when it throws nothing else. */
export function fieldOf(action: () => unknown): string {
  try {
    action();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).field;
  }
  throw new Error('expected a ValidationError');
}
