import { type ErrorKind, errorKind } from './error-kind.js';

export const HISTORY_EXPIRED = 'HISTORY_EXPIRED';

/**
 * A read of the log asked for positions the store no longer has: its oldest events expired
 * (JetStream's `maxAge`). Nothing was read. Read from `firstPosition - 1` on, or pass
 * `allowExpiredHistory: true` to start at the first position there is.
 */
export class HistoryExpiredError extends Error {
  readonly code = HISTORY_EXPIRED;
  readonly retryable = false;
  /** The position the read was to start after. */
  readonly after: number;
  /** The first position the store still has. */
  readonly firstPosition: number;

  constructor(details: { after: number; firstPosition: number }) {
    super(
      `cannot read the log after position ${details.after}: positions up to ${details.firstPosition - 1} have expired ` +
        `(the store keeps events for a limited time, maxAge), and the log now starts at position ${details.firstPosition}; ` +
        'pass allowExpiredHistory: true to start there, knowing the events before it are gone',
    );
    this.name = 'HistoryExpiredError';
    this.after = details.after;
    this.firstPosition = details.firstPosition;
    expiredHistory.mark(this);
  }
}

const expiredHistory: ErrorKind<HistoryExpiredError> = errorKind('@aether/core.HistoryExpiredError');

/** The `HistoryExpiredError` in `err` or its `cause` chain, from any copy of `@aether/core`. */
export const findHistoryExpiredError = (err: unknown): HistoryExpiredError | undefined =>
  expiredHistory.find(err);

/** True when `err` or an error in its `cause` chain is a `HistoryExpiredError`. */
export const isHistoryExpiredError = (err: unknown): boolean => expiredHistory.is(err);
