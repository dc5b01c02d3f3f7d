export const EVENT_BUS_CLOSED = 'EVENT_BUS_CLOSED';

/** `publish` or `subscribe` was called on a bus after `close()`. */
export class EventBusClosedError extends Error {
  readonly code = EVENT_BUS_CLOSED;

  constructor(operation: 'publish' | 'subscribe') {
    super(`cannot ${operation}: the event bus is closed; create a new bus, or call close() only at shutdown`);
    this.name = 'EventBusClosedError';
  }
}
