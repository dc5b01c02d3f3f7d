import { SubscriptionOverflowError } from '../errors/subscription-overflow-error.js';
import type { Event } from '../event.js';
import type { Delivery, Subscription } from '../event-bus.js';
import { RingBuffer } from './ring-buffer.js';
import type { ResolvedSubscription } from './subscribe-options.js';

interface Waiter {
  resolve(result: IteratorResult<Delivery, undefined>): void;
  reject(error: unknown): void;
}

const finished: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * One subscriber of a `LocalEventBus`: a bounded buffer the bus fills synchronously, read as an
 * async iterator. It is its own iterator, so it can be iterated once; when the iteration ends
 * (unsubscribe, `break`, bus closed, overflow error, `fail`) later iterations yield nothing.
 */
export class LocalSubscription implements Subscription, AsyncIterator<Delivery, undefined> {
  readonly namespacePattern: string;
  readonly #settings: ResolvedSubscription;
  readonly #buffer: RingBuffer<Delivery>;
  readonly #onEnd: (subscription: LocalSubscription) => void;
  #waiters: Waiter[] = [];
  #open = true;
  #failure: Error | undefined;

  /** `onEnd` runs once, when the subscription stops receiving events. */
  constructor(settings: ResolvedSubscription, onEnd: (subscription: LocalSubscription) => void) {
    this.namespacePattern = settings.namespacePattern;
    this.#settings = settings;
    this.#buffer = new RingBuffer(settings.bufferSize, settings.overflow);
    this.#onEnd = onEnd;
  }

  get dropped(): number {
    return this.#buffer.dropped;
  }

  /** Events received and not read yet: never more than the buffer size. */
  get buffered(): number {
    return this.#buffer.length;
  }

  /** True while the subscription receives events. */
  get active(): boolean {
    return this.#open;
  }

  /** True when this subscription wants the event (namespace, type and actor match). */
  accepts(namespace: string, event: Event): boolean {
    return this.#open && this.#settings.filter(namespace, event);
  }

  /** Hands a delivery to a waiting reader or buffers it, applying the overflow policy. Never waits. */
  push(delivery: Delivery): void {
    if (!this.#open) return;
    const waiter = this.#waiters.shift();
    if (waiter !== undefined) waiter.resolve({ value: delivery, done: false });
    else if (!this.#buffer.offer(delivery)) {
      this.#failure = new SubscriptionOverflowError({
        namespacePattern: this.namespacePattern,
        bufferSize: this.#settings.bufferSize,
      });
      this.#end();
    }
  }

  /**
   * Ends the subscription with `error` (a bus whose transport cannot deliver what it asked for):
   * readers get the events already buffered, then `error`. Does nothing once it has ended.
   */
  fail(error: Error): void {
    if (!this.#open) return;
    this.#failure = error;
    this.#end();
  }

  /** Ends the iteration now: a pending `next()` resolves done and unread events are discarded. Idempotent. */
  unsubscribe(): void {
    this.#buffer.clear();
    this.#failure = undefined;
    this.#end();
  }

  /** A buffered event is handed out in an already-resolved promise: no waiter, no deferred. */
  next(): Promise<IteratorResult<Delivery, undefined>> {
    const delivery = this.#buffer.shift();
    if (delivery !== undefined) return Promise.resolve({ value: delivery, done: false });
    if (this.#open) return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
    const failure = this.#failure;
    if (failure === undefined) return Promise.resolve(finished);
    this.#failure = undefined;
    return Promise.reject(failure);
  }

  /** Called when a `for await` loop exits early: unsubscribes. */
  return(): Promise<IteratorResult<Delivery, undefined>> {
    this.unsubscribe();
    return Promise.resolve(finished);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #end(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#onEnd(this);
    // Readers wait only while the buffer is empty: the first gets the failure (if any), the rest end.
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) {
      const failure = this.#failure;
      this.#failure = undefined;
      if (failure === undefined) waiter.resolve(finished);
      else waiter.reject(failure);
    }
  }
}
