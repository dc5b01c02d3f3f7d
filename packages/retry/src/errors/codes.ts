/** The stable codes of the errors `@aether/retry` throws; branch on these, not on messages. */
export const RETRY_EXHAUSTED = 'RETRY_EXHAUSTED';
export const RETRY_THRASHING = 'RETRY_THRASHING';
export const RETRY_ABORTED = 'RETRY_ABORTED';
export const CIRCUIT_OPEN = 'CIRCUIT_OPEN';
export const RETRY_QUEUE_FULL = 'RETRY_QUEUE_FULL';
export const RETRY_QUEUE_CLOSED = 'RETRY_QUEUE_CLOSED';
export const DEAD_LETTER_HANDLER_FAILED = 'DEAD_LETTER_HANDLER_FAILED';

export type RetryErrorCode =
  | typeof RETRY_EXHAUSTED
  | typeof RETRY_THRASHING
  | typeof RETRY_ABORTED
  | typeof CIRCUIT_OPEN
  | typeof RETRY_QUEUE_FULL
  | typeof RETRY_QUEUE_CLOSED
  | typeof DEAD_LETTER_HANDLER_FAILED;
