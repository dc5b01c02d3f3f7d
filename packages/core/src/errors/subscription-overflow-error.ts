import { type ErrorKind, errorKind } from './error-kind.js';

export const SUBSCRIPTION_OVERFLOW = 'SUBSCRIPTION_OVERFLOW';

export interface SubscriptionOverflowDetails {
  /** The pattern the failed subscription was made with. */
  namespacePattern: string;
  /** Its buffer size: the number of unread events it held when the next one arrived. */
  bufferSize: number;
}

/**
 * A subscription with overflow policy `'error'` received an event while its buffer was full. The
 * subscription has ended: its iterator yields the events it had buffered, then throws this error.
 */
export class SubscriptionOverflowError extends Error {
  readonly code = SUBSCRIPTION_OVERFLOW;
  readonly retryable = false;
  readonly namespacePattern: string;
  readonly bufferSize: number;

  constructor(details: SubscriptionOverflowDetails, options?: { cause?: unknown }) {
    super(
      `subscription to ${JSON.stringify(details.namespacePattern)} overflowed: its buffer of ${details.bufferSize} ` +
        `unread events was full when another event arrived, and its overflow policy is 'error', so it has ended; ` +
        `read faster, raise bufferSize, or choose overflow 'drop-oldest' or 'drop-newest'`,
      options,
    );
    this.name = 'SubscriptionOverflowError';
    this.namespacePattern = details.namespacePattern;
    this.bufferSize = details.bufferSize;
    subscriptionOverflows.mark(this);
  }
}

const subscriptionOverflows: ErrorKind<SubscriptionOverflowError> = errorKind(
  '@aether/core.SubscriptionOverflowError',
);

/** The `SubscriptionOverflowError` in `err` or its `cause` chain, from any copy of `@aether/core`. */
export const findSubscriptionOverflowError = (err: unknown): SubscriptionOverflowError | undefined =>
  subscriptionOverflows.find(err);

/** True when `err` or an error in its `cause` chain is a `SubscriptionOverflowError`. */
export const isSubscriptionOverflowError = (err: unknown): boolean => subscriptionOverflows.is(err);
