import type { AnyEvent } from '@aether/core';
import { isRetryable } from '@aether/core';
import { findJetStreamStoreError } from '../errors/store-error.js';
import type { JetStreamEventStore } from '../jetstream-event-store.js';
import { makeEvent } from './nats.js';

/** A save that failed, and what the loop saw of it. */
export interface FailedSave {
  actorId: string;
  version: number;
  /** `JetStreamStoreError.code`, or the error's name when it is not one (a test failure). */
  code: string;
  retryable: boolean;
  /** The message said the event may or may not have been stored. */
  uncertain: boolean;
  /** How long the failed call took. */
  ms: number;
  /** `performance.now()` when it failed. */
  at: number;
}

/** What the loops recorded: the events acknowledged, the failures, and when each happened. */
export class AppendLog {
  readonly acked: AnyEvent[] = [];
  readonly failures: FailedSave[] = [];
  /** `performance.now()` of each acknowledgement, in the order of `acked`. */
  readonly ackedAt: number[] = [];
  /** Events whose save failed as "may or may not have been stored", then retried until acknowledged. */
  readonly retriedUncertain = new Set<string>();
  #waiters: Array<{ test: () => boolean; resolve: () => void }> = [];

  recordAck(event: AnyEvent): void {
    this.acked.push(event);
    this.ackedAt.push(performance.now());
    this.#wake();
  }

  recordFailure(failure: FailedSave, event: AnyEvent): void {
    this.failures.push(failure);
    if (failure.uncertain) this.retriedUncertain.add(event.id);
    this.#wake();
  }

  /** Resolves once `test()` holds, checked after every ack and failure (an awaited condition, no polling). */
  until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ test, resolve }));
  }

  #wake(): void {
    this.#waiters = this.#waiters.filter((waiter) => {
      if (!waiter.test()) return true;
      waiter.resolve();
      return false;
    });
  }
}

export interface AppendLoopOptions {
  store: JetStreamEventStore;
  actorId: string;
  /** Appends versions 1..count, one at a time. */
  count: number;
  /** Ends the loop early, once the event being saved is acknowledged (never halfway through a retry). */
  signal?: AbortSignal;
  log: AppendLog;
  /** Pause after a retryable failure before saving the same event again. Default 25 ms. */
  backoffMs?: number;
}

/**
 * Appends `count` events to one actor, one after the other, the way a careful caller does: a save
 * that fails with a retryable error is made again with the very same event (same id, same version)
 * until it is acknowledged; any other error ends the loop.
 */
export async function appendLoop(options: AppendLoopOptions): Promise<void> {
  const { store, actorId, count, log } = options;
  for (let version = 1; version <= count && options.signal?.aborted !== true; version++) {
    const event = makeEvent(actorId, version);
    for (;;) {
      const started = performance.now();
      try {
        await store.saveEvent(event);
        log.recordAck(event);
        break;
      } catch (err) {
        const at = performance.now();
        const failure: FailedSave = {
          actorId,
          version,
          code: findJetStreamStoreError(err)?.code ?? (err as Error)?.name ?? String(err),
          retryable: isRetryable(err),
          uncertain: String((err as Error)?.message).includes('may or may not have been stored'),
          ms: Math.round(at - started),
          at,
        };
        log.recordFailure(failure, event);
        if (!failure.retryable) throw err;
        // A retry policy's pause, not a wait for a condition: there is none to await here.
        await new Promise((resolve) => setTimeout(resolve, options.backoffMs ?? 25));
      }
    }
  }
}

/** Counts of `failures` by code, e.g. `{ TIMEOUT: 3, STREAM_UNAVAILABLE: 12 }`. */
export function countByCode(failures: readonly FailedSave[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const failure of failures) counts[failure.code] = (counts[failure.code] ?? 0) + 1;
  return counts;
}
