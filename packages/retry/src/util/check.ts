import { ValidationError } from '@aether/core';

/** A number option that must be finite and at least `min`. */
export function atLeast(value: number, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new ValidationError(field, `must be a finite number >= ${min}, got ${String(value)}`);
  }
  return value;
}

/** A whole-number option of at least `min`; `Infinity` is allowed when `infinite` is true. */
export function wholeNumber(value: number, field: string, min: number, infinite = false): number {
  if (infinite && value === Number.POSITIVE_INFINITY) return value;
  if (!Number.isSafeInteger(value) || value < min) {
    const also = infinite ? ' (or Infinity)' : '';
    throw new ValidationError(field, `must be a whole number >= ${min}${also}, got ${String(value)}`);
  }
  return value;
}
