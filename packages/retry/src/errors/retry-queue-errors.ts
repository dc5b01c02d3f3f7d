import { brand } from './brand.js';
import { RETRY_QUEUE_CLOSED, RETRY_QUEUE_FULL } from './codes.js';

/** `RetryQueue.enqueue` refused an event: the queue already holds `capacity` unfinished events. */
export class RetryQueueFullError extends Error {
  readonly code = RETRY_QUEUE_FULL;
  /** True: the queue may have room once it has worked through what it holds. */
  readonly retryable = true;
  readonly capacity: number;
  readonly actorId: string;
  readonly eventId: string;

  constructor(details: { capacity: number; actorId: string; eventId: string }) {
    super(
      `retry queue is full (${details.capacity} events not yet saved): event ${JSON.stringify(details.eventId)} ` +
        `of actor ${JSON.stringify(details.actorId)} was not accepted; save it another way, wait for ` +
        'drain(), or raise capacity',
    );
    this.name = 'RetryQueueFullError';
    this.capacity = details.capacity;
    this.actorId = details.actorId;
    this.eventId = details.eventId;
    brand(this);
  }
}

/**
 * The queue is closed: `enqueue` after `close()` refuses the event, and an event still waiting
 * when `close()` was aborted goes to the dead-letter callback with this error.
 */
export class RetryQueueClosedError extends Error {
  readonly code = RETRY_QUEUE_CLOSED;
  readonly retryable = false;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetryQueueClosedError';
    brand(this);
  }
}
