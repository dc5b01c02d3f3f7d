/**
 * A spec that did not hold. `expected` and `actual` (when set) are what test runners such as
 * Vitest and Jest show as a structured diff, beside the readable one in the message.
 */
export class SpecFailure extends Error {
  readonly code = 'SPEC_FAILED';
  readonly expected: unknown;
  readonly actual: unknown;

  constructor(message: string, details: { expected?: unknown; actual?: unknown; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'SpecFailure';
    this.expected = details.expected;
    this.actual = details.actual;
  }
}
