import { ValidationError } from '../errors/validation-error.js';
import { kindOf } from './freeze-json.js';

/** A non-empty string, or `ValidationError` naming `field`. */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new ValidationError(field, `must be a string, got ${kindOf(value)}`);
  if (value.length === 0) throw new ValidationError(field, 'must not be empty');
  return value;
}
