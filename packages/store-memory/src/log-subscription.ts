import type { EventSubscription, Position, RecordedEvent } from '@aether/core';
import type { ResolvedLogSubscription } from '@aether/core/adapter';

/** What a subscription reads of the store: the log, and a way to wait for it to grow. */
export interface LogSource {
  /** The newest position now. */
  head(): Position;
  /**
   * Appends the events of the positions after `after` up to `last`, as new objects, to `into`,
   * stopping before a position that would take it past `limit` events (unless it is the first);
   * returns the last position read.
   */
  read(after: Position, last: Position, limit: number, into: RecordedEvent[]): Position;
  /** Resolves at the next append. */
  appended(): Promise<void>;
}

/** Events a subscription takes from the log at a time: bounds what it holds for a slow reader. */
const readAhead = 256;

interface Settle {
  resolve(position: Position): void;
  reject(error: Error): void;
  done: boolean;
}

const ended: IteratorResult<RecordedEvent> = Object.freeze({ done: true, value: undefined });

/**
 * A subscription to the in-memory log. It holds its cursor and at most `readAhead` events (more
 * only for one batch saved together): it reads the log where the store keeps it, as its reader
 * asks, so a reader that stops reading costs nothing more however much is appended meanwhile.
 * Woken by appends when live.
 */
export class MemoryLogSubscription implements EventSubscription {
  readonly caughtUp: Promise<Position>;
  readonly #source: LogSource;
  readonly #settings: ResolvedLogSubscription;
  // The head when the subscription started: catching up means reading up to it.
  readonly #target: Position;
  readonly #caughtUp: Settle;
  #cursor: Position;
  #buffer: RecordedEvent[] = [];
  #next = 0;
  #closed = false;
  #wake: (() => void) | undefined;

  constructor(source: LogSource, settings: ResolvedLogSubscription) {
    this.#source = source;
    this.#settings = settings;
    this.#target = source.head();
    this.#cursor =
      settings.after === 'end' ? this.#target : Math.min(settings.after, Number.MAX_SAFE_INTEGER);
    let settle!: Settle;
    this.caughtUp = new Promise<Position>((resolve, reject) => {
      settle = { resolve, reject, done: false };
    });
    this.#caughtUp = settle;
    // A reader that never awaits caughtUp must not see an unhandled rejection when it closes early.
    this.caughtUp.catch(() => undefined);
    if (this.#cursor >= this.#target) this.#reachedTarget();
    settings.signal?.addEventListener('abort', () => void this.close(), { once: true });
    if (settings.signal?.aborted === true) this.#closed = true;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#buffer = [];
    if (!this.#caughtUp.done) {
      this.#caughtUp.done = true;
      this.#caughtUp.reject(new Error('the subscription was closed before it caught up'));
    }
    this.#wake?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => this.#take(),
      return: async () => {
        await this.close();
        return ended;
      },
    };
  }

  // Not async: the events already read are handed out without an async function's promise.
  #take(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.#closed) return Promise.resolve(ended);
      const ready = this.#buffer[this.#next];
      if (ready !== undefined) {
        this.#next++;
        // Handing out the last event up to the head it started with: caught up.
        if (this.#next === this.#buffer.length && this.#cursor >= this.#target) this.#reachedTarget();
        return Promise.resolve({ done: false, value: ready });
      }
      // Everything up to the head it started with has been handed out.
      if (this.#cursor >= this.#target) this.#reachedTarget();
      // Not live: the subscription ends at the head it started with.
      const last = this.#settings.live ? this.#source.head() : this.#target;
      if (this.#cursor < last) {
        this.#fill(last);
        continue;
      }
      if (!this.#settings.live && this.#caughtUp.done) {
        void this.close();
        return Promise.resolve(ended);
      }
      return this.#appended().then(() => this.#take());
    }
  }

  #fill(last: Position): void {
    const read: RecordedEvent[] = [];
    this.#cursor = this.#source.read(this.#cursor, last, readAhead, read);
    const matches = this.#settings.matches;
    this.#buffer = matches === undefined ? read : read.filter(({ event }) => matches(event));
    this.#next = 0;
  }

  #appended(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#wake = resolve;
      void this.#source.appended().then(resolve);
    }).finally(() => {
      this.#wake = undefined;
    });
  }

  #reachedTarget(): void {
    if (this.#caughtUp.done) return;
    this.#caughtUp.done = true;
    this.#caughtUp.resolve(this.#target);
  }
}
