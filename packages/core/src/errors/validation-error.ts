import { type ErrorKind, errorKind } from './error-kind.js';

export const VALIDATION_ERROR = 'VALIDATION_ERROR';

/** Input that can never be stored or published; `field` names the offending part, e.g. `data.items[2]`. */
export class ValidationError extends Error {
  readonly code = VALIDATION_ERROR;
  readonly retryable = false;
  readonly field: string;
  /** What is wrong with it, without the field's name. */
  readonly problem: string;

  constructor(field: string, problem: string, options?: { cause?: unknown }) {
    super(`invalid ${field}: ${problem}`, options);
    this.name = 'ValidationError';
    this.field = field;
    this.problem = problem;
    validationErrors.mark(this);
  }
}

const validationErrors: ErrorKind<ValidationError> = errorKind('@aether/core.ValidationError');

/** The `ValidationError` in `err` or its `cause` chain, from any copy of `@aether/core`. */
export const findValidationError = (err: unknown): ValidationError | undefined => validationErrors.find(err);

/** True when `err` or an error in its `cause` chain is a `ValidationError`. */
export const isValidationError = (err: unknown): boolean => validationErrors.is(err);
