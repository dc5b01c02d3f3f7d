import { brandOf } from './brand.js';

export const VALIDATION_ERROR = 'VALIDATION_ERROR';

/** Input that can never be stored or published; `field` names the offending part, e.g. `data.items[2]`. */
export class ValidationError extends Error {
  readonly code = VALIDATION_ERROR;
  readonly field: string;

  constructor(field: string, problem: string, options?: { cause?: unknown }) {
    super(`invalid ${field}: ${problem}`, options);
    this.name = 'ValidationError';
    this.field = field;
    Object.defineProperty(this, brandOf('ValidationError'), { value: true });
  }
}

/** True for a `ValidationError` from any copy of `@aether/core`. */
export function isValidationError(err: unknown): err is ValidationError {
  return (
    err instanceof ValidationError ||
    (err instanceof Error && (err as { code?: unknown }).code === VALIDATION_ERROR)
  );
}
