import type { ReplayError } from './errors/replay-error.js';
import type { AnyEvent, Event } from './event.js';

/**
 * Where an event sits in its store's log: 1, 2, 3... in the order events were stored, the same for
 * every reader in every process; 0 is "before the first event". On JetStream it is the stream
 * sequence, in memory a counter. Events saved together by one `saveEvents` share one position.
 */
export type Position = number;

/** An event and its position in the log. */
export interface RecordedEvent<E extends AnyEvent = Event> {
  readonly event: E;
  readonly position: Position;
}

/** What reading the log does with a stored message that is not a valid event. */
export interface ReplayErrorHandling {
  /**
   * Called with each such message (a `ReplayError`: its `sequenceNumber` is the position, `rawData`
   * the bytes as stored), and the read goes on after it. Without it, the read stops there and
   * rejects (`readAll`) or throws from the iteration (`subscribe`) with that `ReplayError`: nothing
   * is ever skipped silently.
   */
  onReplayError?: (error: ReplayError) => void;
  /**
   * A store that keeps events for a limited time (JetStream's `maxAge`) no longer has the oldest
   * positions. Asked for positions it no longer has, a read fails with `HistoryExpiredError`
   * naming the first position there is, unless this is true: then it starts there.
   */
  allowExpiredHistory?: boolean;
}

/** Options of `readAll`. */
export interface ReadAllOptions extends ReplayErrorHandling {
  /** Read the events after this position (exclusive). Default 0: from the first event. */
  after?: Position;
  /**
   * At most this many events. Without it every event after `after` is returned at once, so page
   * through a large log with a limit (or follow it with `subscribe`, which pulls as it goes).
   * Events saved together are never split: a batch that would pass the limit is left for the next
   * read, unless it is the first one, which is returned whole.
   */
  limit?: number;
}

/** Options of `subscribe`. */
export interface LogSubscribeOptions extends ReplayErrorHandling {
  /**
   * Deliver the events after this position (exclusive); `'end'`: only the events saved from now
   * on. Default 0: from the first event.
   */
  after?: Position | 'end';
  /** Default true: after catching up, go on with the events saved from then on. False: end then. */
  live?: boolean;
  /** Only events of these types (all types when omitted or empty). */
  eventTypes?: readonly string[];
  /** Only events of actors matching this NATS-style pattern over the actor id's `.`-separated tokens. */
  actorPattern?: string;
  /** Ends the subscription, as `close()` does. */
  signal?: AbortSignal;
}

/**
 * Events of the log in order, from catch-up into live with no gap and no duplicate, read with
 * `for await`. Back-pressure: it reads ahead only a bounded number of events, so a reader that
 * stops reading holds bounded memory.
 */
export interface EventSubscription<E extends AnyEvent = Event> extends AsyncIterable<RecordedEvent<E>> {
  /**
   * Resolves, once every event up to the head at the moment of subscribing has been delivered (or
   * filtered out), with that head's position. Rejects if the subscription ends before.
   */
  readonly caughtUp: Promise<Position>;
  /** Ends the iteration and releases what the subscription holds on the server. */
  close(): Promise<void>;
}

/** A store's log: every event of every actor, in the order they were stored. */
export interface EventLog {
  /** The position of the newest event, 0 when the log is empty. */
  headPosition(): Promise<Position>;
  /** Events after `options.after`, in log order, at most `options.limit` (see `ReadAllOptions`). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Follows the log: catch-up, then live (see `LogSubscribeOptions`). */
  subscribe(options?: LogSubscribeOptions): EventSubscription;
}
