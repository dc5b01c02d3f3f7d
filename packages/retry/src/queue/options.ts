import type { AnyEvent, EventStore } from '@aether/core';
import type { BackoffStrategy } from '../backoff/backoff.js';
import { exponentialWithJitter } from '../backoff/jitter.js';
import { type Clock, type RandomSource, systemClock } from '../clock/clock.js';
import type { RetryPredicate } from '../retry/options.js';
import { wholeNumber } from '../util/check.js';

/** An event the queue could not save: handed to `onDeadLetter`, never dropped silently. */
export interface DeadLetter {
  /** The event as it was enqueued. */
  event: AnyEvent;
  /** The last version of it the queue tried to save (re-based after conflicts). */
  lastTried: AnyEvent;
  /**
   * Why it was given up: the store's error when it was not retryable; a `RetryExhaustedError`
   * (every attempt's error in `errors`) when attempts ran out; a `RetryAbortedError` or
   * `RetryQueueClosedError` when `close()` was aborted before it was saved.
   */
  error: unknown;
  /** How many saves were attempted (0 when it never got a turn). */
  attempts: number;
}

export interface RetryQueueOptions {
  /** Where events are saved. */
  store: EventStore;
  /** Receives every event that could not be saved. May be async; the queue waits for it. */
  onDeadLetter: (letter: DeadLetter) => void | Promise<void>;
  /**
   * Called after each event is saved, with the event as saved (re-based, or as read back from the
   * store when an attempt that failed had stored it) and the attempts it took.
   */
  onSaved?: (event: AnyEvent, attempts: number) => void;
  /** Events accepted but not yet saved or dead-lettered, at most. Default 1000. */
  capacity?: number;
  /** Saves running (or waiting to retry) at the same time, at most. Default 4. */
  concurrency?: number;
  /** Save attempts per event, the first included. Default 10. */
  maxAttempts?: number;
  /**
   * The wait between attempts. Default: `exponentialWithJitter({ factor: 2, maxDelayMs: 30_000 })`,
   * a random wait between 0 and 100 ms, 200 ms, 400 ms... at most 30 s.
   */
  backoff?: BackoffStrategy;
  /** Which errors are retried. Default: every error except a `ValidationError`. */
  retryOn?: RetryPredicate;
  /**
   * After a version conflict, builds the event to try next from the actor's latest version.
   * Default: the same event (same id, type and data) at `currentVersion + 1`. Throw to give the
   * event up (it goes to the dead-letter callback with what you threw).
   */
  rebase?: (event: AnyEvent, currentVersion: number) => AnyEvent | Promise<AnyEvent>;
  clock?: Clock;
  random?: RandomSource;
}

export const RETRY_QUEUE_DEFAULTS = Object.freeze({ capacity: 1000, concurrency: 4, maxAttempts: 10 });

export type ResolvedQueueOptions = Required<Omit<RetryQueueOptions, 'onSaved'>> &
  Pick<RetryQueueOptions, 'onSaved'>;

export function resolveQueueOptions(options: RetryQueueOptions): ResolvedQueueOptions {
  const d = RETRY_QUEUE_DEFAULTS;
  return {
    store: options.store,
    onDeadLetter: options.onDeadLetter,
    onSaved: options.onSaved,
    capacity: wholeNumber(options.capacity ?? d.capacity, 'capacity', 1),
    concurrency: wholeNumber(options.concurrency ?? d.concurrency, 'concurrency', 1),
    maxAttempts: wholeNumber(options.maxAttempts ?? d.maxAttempts, 'maxAttempts', 1),
    backoff: options.backoff ?? exponentialWithJitter({ factor: 2, maxDelayMs: 30_000 }),
    retryOn: options.retryOn ?? (() => true),
    rebase: options.rebase ?? ((event, currentVersion) => ({ ...event, version: currentVersion + 1 })),
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
  };
}
