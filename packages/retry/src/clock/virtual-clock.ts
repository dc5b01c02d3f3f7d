import type { Clock } from './clock.js';

interface Timer {
  due: number;
  seq: number;
  resolve: () => void;
}

export interface VirtualClockOptions {
  /** The time `now()` starts at. Default 0. */
  start?: number;
  /**
   * When true, the clock moves itself: once the pending microtasks have run (it moves from a
   * `setImmediate` callback), it jumps to the earliest timer and fires it, one timer per turn.
   * Code that waits only on promises and on this clock then runs in the order real time would
   * give, but instantly; code that waits on real I/O may see time jump ahead of it. When false
   * (the default), move time with `advance(ms)`.
   */
  autoAdvance?: boolean;
}

/**
 * A clock for tests and demos: `sleep` never really waits. Timers fire in the order of their due
 * time (then of creation), either when `advance` moves time past them or, with `autoAdvance`,
 * as soon as the program is idle. `sleeps` records every requested wait, in order.
 */
export class VirtualClock implements Clock {
  readonly #timers: Timer[] = [];
  readonly #autoAdvance: boolean;
  readonly #sleeps: number[] = [];
  #now: number;
  #seq = 0;
  #tickScheduled = false;

  constructor(options: VirtualClockOptions = {}) {
    this.#now = options.start ?? 0;
    this.#autoAdvance = options.autoAdvance ?? false;
  }

  now(): number {
    return this.#now;
  }

  /** Every wait requested so far, in milliseconds, in the order `sleep` was called. */
  get sleeps(): readonly number[] {
    return this.#sleeps;
  }

  /** How many sleeps are waiting for time to pass. */
  get pending(): number {
    return this.#timers.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.#sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        const index = this.#timers.indexOf(timer);
        if (index >= 0) this.#timers.splice(index, 1);
        reject(signal?.reason);
      };
      const timer: Timer = {
        due: this.#now + Math.max(0, ms),
        seq: this.#seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#timers.push(timer);
      this.#timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
      if (this.#autoAdvance) this.#scheduleTick();
    });
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way, in order; after
   * each one it lets the program run (a macrotask turn), so sleeps started by woken code are
   * fired too if they fall due within the same window.
   */
  async advance(ms: number): Promise<void> {
    const until = this.#now + ms;
    for (let timer = this.#timers[0]; timer !== undefined && timer.due <= until; timer = this.#timers[0]) {
      this.#fire(timer);
      await nextTurn();
    }
    this.#now = until;
  }

  /** Lets the program run until it waits on this clock (or for `turns` macrotask turns). */
  async settle(turns = 10): Promise<void> {
    for (let turn = 0; turn < turns; turn++) await nextTurn();
  }

  #fire(timer: Timer): void {
    this.#timers.shift();
    this.#now = Math.max(this.#now, timer.due);
    timer.resolve();
  }

  #scheduleTick(): void {
    if (this.#tickScheduled) return;
    this.#tickScheduled = true;
    setImmediate(() => {
      this.#tickScheduled = false;
      const timer = this.#timers[0];
      if (timer === undefined) return;
      this.#fire(timer);
      if (this.#timers.length > 0) this.#scheduleTick();
    });
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
