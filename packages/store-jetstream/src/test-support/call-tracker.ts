import { isRetryable, isVersionConflict } from '@aether/core';
import { findJetStreamStoreError } from '../errors/store-error.js';

/** One call of a store, as a test saw it: when it started and ended, and how. */
export interface TrackedCall {
  kind: 'save' | 'read';
  actorId: string;
  /** Saves: the event's id and version. */
  eventId?: string;
  version?: number;
  /** `performance.now()` at the call and when it settled. */
  started: number;
  ended?: number;
  /** `ok`, `conflict` (a `VersionConflictError`) or the error's code (its name when it has none). */
  outcome?: string;
  retryable?: boolean;
}

/** Records every call made through `track`, and wakes `until` waiters whenever one settles. */
export class CallTracker {
  readonly calls: TrackedCall[] = [];
  #waiters: Array<{ test: () => boolean; resolve: () => void }> = [];

  async track<T>(call: Omit<TrackedCall, 'started'>, run: () => Promise<T>): Promise<T> {
    const tracked: TrackedCall = { ...call, started: performance.now() };
    this.calls.push(tracked);
    try {
      const value = await run();
      this.#settle(tracked, 'ok', false);
      return value;
    } catch (err) {
      const outcome = isVersionConflict(err)
        ? 'conflict'
        : (findJetStreamStoreError(err)?.code ?? (err as Error)?.name ?? String(err));
      this.#settle(tracked, outcome, isRetryable(err));
      throw err;
    }
  }

  /** The calls started before `time` that had not settled by then. */
  inFlightAt(time: number): TrackedCall[] {
    return this.calls.filter(
      (call) => call.started < time && (call.ended === undefined || call.ended > time),
    );
  }

  /** The acknowledged saves. */
  acked(): TrackedCall[] {
    return this.calls.filter((call) => call.kind === 'save' && call.outcome === 'ok');
  }

  /** Resolves once `test()` holds, checked after every settled call (an awaited condition, no polling). */
  until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ test, resolve }));
  }

  #settle(call: TrackedCall, outcome: string, retryable: boolean): void {
    call.ended = performance.now();
    call.outcome = outcome;
    call.retryable = retryable;
    this.#waiters = this.#waiters.filter((waiter) => {
      if (!waiter.test()) return true;
      waiter.resolve();
      return false;
    });
  }
}
