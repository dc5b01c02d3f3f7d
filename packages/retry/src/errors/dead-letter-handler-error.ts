import { brand, describeError } from './brand.js';
import { DEAD_LETTER_HANDLER_FAILED } from './codes.js';

/**
 * The dead-letter callback threw for some events, so they may not have been recorded anywhere.
 * `drain()` or `close()` rejects with this error; `letters` are those events, `errors` what the
 * callback threw for each.
 */
export class DeadLetterHandlerError<Letter = unknown> extends Error {
  readonly code = DEAD_LETTER_HANDLER_FAILED;
  readonly retryable = false;
  readonly letters: readonly Letter[];
  readonly errors: readonly unknown[];

  constructor(letters: readonly Letter[], errors: readonly unknown[]) {
    super(
      `the dead-letter callback failed for ${letters.length} event(s), the first with ` +
        `${describeError(errors[0])}; the events are in this error's letters`,
      { cause: errors[0] },
    );
    this.name = 'DeadLetterHandlerError';
    this.letters = Object.freeze([...letters]);
    this.errors = Object.freeze([...errors]);
    brand(this);
  }
}
