import { describe, expect, it, vi } from 'vitest';
import {
  findValidationError,
  isValidationError,
  VALIDATION_ERROR,
  ValidationError,
} from './validation-error.js';

describe('ValidationError', () => {
  it('names the field and the problem', () => {
    const err = new ValidationError('data.items[1]', 'a function is not JSON');
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ValidationError');
    expect(err.code).toBe('VALIDATION_ERROR');
    expect(VALIDATION_ERROR).toBe('VALIDATION_ERROR');
    expect(err.field).toBe('data.items[1]');
    expect(err.message).toBe('invalid data.items[1]: a function is not JSON');
  });

  it('keeps a cause', () => {
    const cause = new SyntaxError('bad JSON');
    expect(new ValidationError('event', 'is not JSON', { cause }).cause).toBe(cause);
  });
});

describe('isValidationError', () => {
  it('is true for a ValidationError, also from a second copy of the package', async () => {
    expect(isValidationError(new ValidationError('id', 'must not be empty'))).toBe(true);
    vi.resetModules();
    const copy = await import('./validation-error.js');
    const foreign = new copy.ValidationError('id', 'must not be empty');
    expect(foreign instanceof ValidationError).toBe(false);
    expect(isValidationError(foreign)).toBe(true);
  });

  it('finds one in a cause chain', () => {
    const err = new ValidationError('id', 'must not be empty');
    const wrapper = new Error('save failed', { cause: err });
    expect(isValidationError(wrapper)).toBe(true);
    expect(findValidationError(wrapper)).toBe(err);
  });

  it.each([
    ['a plain Error', new Error('invalid id')],
    ['null', null],
    ['a string', 'VALIDATION_ERROR'],
    ['a plain object with the code', { code: 'VALIDATION_ERROR', field: 'id' }],
  ])('is false for %s', (_name, value) => {
    expect(isValidationError(value)).toBe(false);
  });
});
