import type { Position } from '@aether/core';
import type { Clock } from '@aether/retry';

interface Waiter {
  // `Infinity` until known (whenCaughtUp learns the head asynchronously).
  target: Position;
  resolve(position: Position): void;
  reject(error: unknown): void;
}

// Why a wait's timer is cancelled: it ended first. A reason of our own, because `abort()` without
// one makes a DOMException (with its stack) for every wait, one per event read-your-writes waits on.
const ended = Symbol('the wait ended');

/**
 * The callers of `whenCaughtUp` and `whenProcessed`: each waits for the committed position to
 * reach its target, and every wait ends, resolved or rejected by its own timer, so none hangs.
 */
export class ProgressWaiters {
  readonly #clock: Clock;
  readonly #waiters = new Set<Waiter>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /**
   * Waits until `reached(target)` is called with `target` at or past the waiter's target; rejects
   * with `timedOut()` after `timeoutMs` (`Infinity`: never). Returns the promise and a function
   * that sets the target once it is known.
   */
  add(
    timeoutMs: number,
    timedOut: () => unknown,
  ): { done: Promise<Position>; setTarget(target: Position): void } {
    const cancelled = new AbortController();
    let waiter!: Waiter;
    const done = new Promise<Position>((resolve, reject) => {
      waiter = {
        target: Number.POSITIVE_INFINITY,
        resolve: (position) => {
          cancelled.abort(ended);
          resolve(position);
        },
        reject: (error) => {
          cancelled.abort(ended);
          reject(error);
        },
      };
    });
    this.#waiters.add(waiter);
    if (Number.isFinite(timeoutMs)) {
      this.#clock.sleep(timeoutMs, cancelled.signal).then(
        () => {
          if (this.#waiters.delete(waiter)) waiter.reject(timedOut());
        },
        () => undefined,
      );
    }
    return { done, setTarget: (target) => (waiter.target = target) };
  }

  /** Resolves every waiter whose target is at or before `upTo`, with `position`. */
  reached(upTo: Position, position: Position): void {
    for (const waiter of [...this.#waiters]) {
      if (waiter.target <= upTo) {
        this.#waiters.delete(waiter);
        waiter.resolve(position);
      }
    }
  }

  /** True when someone waits for a position after `position`. */
  waitingPast(position: Position): boolean {
    for (const waiter of this.#waiters) if (waiter.target > position) return true;
    return false;
  }

  /** Rejects every waiter with `error` (the runner stopped or failed). */
  rejectAll(error: unknown): void {
    for (const waiter of [...this.#waiters]) waiter.reject(error);
    this.#waiters.clear();
  }
}
