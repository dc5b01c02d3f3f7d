import { type AnyEvent, validateEvent } from '@aether/core';
import { DeadLetterHandlerError } from '../errors/dead-letter-handler-error.js';
import { RetryQueueClosedError, RetryQueueFullError } from '../errors/retry-queue-errors.js';
import { reportAsync } from '../util/report-async.js';
import { Lanes } from './lanes.js';
import {
  type DeadLetter,
  type ResolvedQueueOptions,
  type RetryQueueOptions,
  resolveQueueOptions,
} from './options.js';
import { type QueueItem, saveItem } from './save-item.js';

/** Counters since the queue was made. */
export interface RetryQueueStats {
  accepted: number;
  saved: number;
  deadLettered: number;
  /** Waits before another attempt. */
  retries: number;
  /** Events `enqueue` refused because the queue was full or closed. */
  rejected: number;
}

/**
 * The eventual-consistency pattern: `enqueue(event)` returns at once, and background workers save
 * the events, retrying with backoff; after a version conflict an event is re-based on the actor's
 * latest version (see `rebase`). Events of one actor are saved one at a time, in the order they
 * were enqueued; different actors are saved in parallel, up to `concurrency`.
 *
 * Bounded: at most `capacity` events are accepted and unfinished; `enqueue` on a full queue throws
 * `RetryQueueFullError`. Every accepted event is either saved or handed to `onDeadLetter`:
 * `drain()` waits until all are, `close()` stops accepting and then drains.
 */
export class RetryQueue {
  readonly #o: ResolvedQueueOptions;
  readonly #lanes = new Lanes<QueueItem>();
  readonly #abandon = new AbortController();
  readonly #stats: RetryQueueStats = { accepted: 0, saved: 0, deadLettered: 0, retries: 0, rejected: 0 };
  readonly #handlerFailures: { letter: DeadLetter; error: unknown }[] = [];
  #idleWaiters: Array<(failure: DeadLetterHandlerError<DeadLetter> | undefined) => void> = [];
  #size = 0;
  #running = 0;
  #closed = false;

  constructor(options: RetryQueueOptions) {
    this.#o = resolveQueueOptions(options);
  }

  /** Events accepted and not yet saved or dead-lettered (waiting, saving or backing off). */
  get size(): number {
    return this.#size;
  }

  get capacity(): number {
    return this.#o.capacity;
  }

  /** Events being saved or waiting to retry right now (at most `concurrency`). */
  get inFlight(): number {
    return this.#running;
  }

  get closed(): boolean {
    return this.#closed;
  }

  get stats(): Readonly<RetryQueueStats> {
    return { ...this.#stats };
  }

  /**
   * Accepts an event for saving and returns at once. Throws, accepting nothing, a
   * `ValidationError` for a malformed event, `RetryQueueFullError` when `capacity` events are
   * unfinished, and `RetryQueueClosedError` after `close()`.
   */
  enqueue(event: AnyEvent): void {
    if (this.#closed) {
      this.#stats.rejected++;
      throw new RetryQueueClosedError(
        `retry queue is closed: event ${JSON.stringify(event?.id)} was not accepted; save it another way`,
      );
    }
    const valid = validateEvent(event);
    if (this.#size >= this.#o.capacity) {
      this.#stats.rejected++;
      throw new RetryQueueFullError({
        capacity: this.#o.capacity,
        actorId: valid.actorId,
        eventId: valid.id,
      });
    }
    this.#size++;
    this.#stats.accepted++;
    this.#lanes.add(valid.actorId, { event: valid, lastTried: valid, attempts: 0 });
    this.#pump();
  }

  /**
   * Resolves when every accepted event has been saved or dead-lettered (events enqueued while it
   * waits included). Rejects with `DeadLetterHandlerError` when `onDeadLetter` threw meanwhile.
   */
  drain(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#idleWaiters.push((failure) => (failure === undefined ? resolve() : reject(failure)));
      if (this.#size === 0) this.#settleIdle();
    });
  }

  /**
   * Stops accepting events and waits for every accepted one to be saved or dead-lettered. When
   * `signal` aborts, events still waiting for a turn or a retry are dead-lettered at once with a
   * `RetryQueueClosedError`; saves already sent to the store are waited for.
   */
  async close(options: { signal?: AbortSignal } = {}): Promise<void> {
    this.#closed = true;
    const { signal } = options;
    const abandon = () => this.#abandonWaiting(signal?.reason);
    if (signal?.aborted) abandon();
    signal?.addEventListener('abort', abandon, { once: true });
    try {
      await this.drain();
    } finally {
      signal?.removeEventListener('abort', abandon);
    }
  }

  #pump(): void {
    while (this.#running < this.#o.concurrency) {
      const next = this.#lanes.take();
      if (next === undefined) return;
      this.#running++;
      void this.#work(next.key, next.item);
    }
  }

  async #work(key: string, item: QueueItem): Promise<void> {
    await this.#save(item);
    this.#running--;
    this.#lanes.done(key);
    this.#finishOne();
    this.#pump();
  }

  async #save(item: QueueItem): Promise<void> {
    const failed = await saveItem(item, this.#o, this.#abandon.signal, () => this.#stats.retries++);
    if (failed !== undefined) {
      const { event, lastTried, attempts } = item;
      await this.#deadLetter({ event, lastTried, error: failed.error, attempts });
      return;
    }
    this.#stats.saved++;
    reportAsync(() => this.#o.onSaved?.(item.lastTried, item.attempts));
  }

  async #deadLetter(letter: DeadLetter): Promise<void> {
    this.#stats.deadLettered++;
    try {
      await this.#o.onDeadLetter(letter);
    } catch (error) {
      this.#handlerFailures.push({ letter, error });
    }
  }

  #abandonWaiting(reason: unknown): void {
    if (this.#abandon.signal.aborted) return;
    const closedError = new RetryQueueClosedError(
      'the retry queue was closed (close() aborted) before this event was saved',
      { cause: reason },
    );
    this.#abandon.abort(closedError);
    for (const item of this.#lanes.takeAll()) {
      void this.#deadLetter({
        event: item.event,
        lastTried: item.lastTried,
        error: closedError,
        attempts: 0,
      }).then(() => this.#finishOne());
    }
  }

  #finishOne(): void {
    this.#size--;
    if (this.#size === 0) this.#settleIdle();
  }

  #settleIdle(): void {
    if (this.#idleWaiters.length === 0) return;
    const failures = this.#handlerFailures.splice(0);
    const failure =
      failures.length === 0
        ? undefined
        : new DeadLetterHandlerError(
            failures.map((f) => f.letter),
            failures.map((f) => f.error),
          );
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const settle of waiters) settle(failure);
  }
}
