import { type ErrorKind, errorKind } from '../errors/error-kind.js';

export const EVENT_BUS_CLOSED = 'EVENT_BUS_CLOSED';

/** `publish` or `subscribe` was called on a bus after `close()`. */
export class EventBusClosedError extends Error {
  readonly code = EVENT_BUS_CLOSED;
  readonly retryable = false;

  constructor(operation: 'publish' | 'subscribe') {
    super(`cannot ${operation}: the event bus is closed; create a new bus, or call close() only at shutdown`);
    this.name = 'EventBusClosedError';
    closedBuses.mark(this);
  }
}

const closedBuses: ErrorKind<EventBusClosedError> = errorKind('@aether/core.EventBusClosedError');

/** The `EventBusClosedError` in `err` or its `cause` chain, from any copy of `@aether/core`. */
export const findEventBusClosedError = (err: unknown): EventBusClosedError | undefined =>
  closedBuses.find(err);

/** True when `err` or an error in its `cause` chain is an `EventBusClosedError`. */
export const isEventBusClosedError = (err: unknown): boolean => closedBuses.is(err);
