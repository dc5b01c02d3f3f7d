import type { Event, EventSubscription, Position, RecordedEvent } from '@aether/core';
import type { ResolvedLogSubscription } from '@aether/core/adapter';

/** What a subscription reads of the store: the log, and a way to wait for it to grow. */
export interface LogSource {
  /** The newest position now. */
  head(): Position;
  /** The events at `position` (1..head), in version order, as new objects. */
  eventsAt(position: Position): Event[];
  /** Resolves at the next append. */
  appended(): Promise<void>;
}

interface Settle {
  resolve(position: Position): void;
  reject(error: Error): void;
  done: boolean;
}

/**
 * A subscription to the in-memory log. It holds only its cursor and the events of the position it
 * is delivering: it reads the log where the store keeps it, one position at a time, as its reader
 * asks, so a reader that stops reading costs nothing more however much is appended meanwhile.
 * Woken by appends when live.
 */
export class MemoryLogSubscription implements EventSubscription {
  readonly caughtUp: Promise<Position>;
  readonly #source: LogSource;
  readonly #settings: ResolvedLogSubscription;
  // The head when the subscription started: catching up means delivering up to it.
  readonly #target: Position;
  #cursor: Position;
  #pending: RecordedEvent[] = [];
  #closed = false;
  #wake: (() => void) | undefined;
  readonly #caughtUp: Settle;

  constructor(source: LogSource, settings: ResolvedLogSubscription) {
    this.#source = source;
    this.#settings = settings;
    this.#target = source.head();
    this.#cursor = settings.after === 'end' ? this.#target : settings.after;
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
    this.#pending = [];
    if (!this.#caughtUp.done) {
      this.#caughtUp.done = true;
      this.#caughtUp.reject(new Error('the subscription was closed before it caught up'));
    }
    this.#wake?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => this.#next(),
      return: async () => {
        await this.close();
        return { done: true, value: undefined };
      },
    };
  }

  async #next(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.#closed) return { done: true, value: undefined };
      const ready = this.#pending.shift();
      if (ready !== undefined) return { done: false, value: ready };
      // Not live: the subscription ends at the head it started with.
      if (this.#cursor < (this.#settings.live ? this.#source.head() : this.#target)) {
        this.#read(++this.#cursor);
        continue;
      }
      if (!this.#settings.live && this.#caughtUp.done) {
        await this.close();
        return { done: true, value: undefined };
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        void this.#source.appended().then(resolve);
      });
      this.#wake = undefined;
    }
  }

  #read(position: Position): void {
    const matches = this.#settings.matches;
    for (const event of this.#source.eventsAt(position)) {
      if (matches === undefined || matches(event)) this.#pending.push({ event, position });
    }
    if (position === this.#target) this.#reachedTarget();
  }

  #reachedTarget(): void {
    if (this.#caughtUp.done) return;
    this.#caughtUp.done = true;
    this.#caughtUp.resolve(this.#target);
  }
}
