import {
  type Event,
  type EventSubscription,
  HistoryExpiredError,
  isRetryable,
  type Position,
  type RecordedEvent,
  ReplayError,
  ValidationError,
} from '@aether/core';
import { decodeEvents, type ResolvedLogSubscription } from '@aether/core/adapter';
import { toStoreError } from '../errors/to-store-error.js';
import { copyBytes } from '../history/copy-bytes.js';
import { checkFollows } from '../stream/check-follows.js';
import type { StoreStream } from '../stream/store-stream.js';
import { actorSubject, actorToken } from '../subjects/subject-layout.js';
import type { LogConsumer, LogMessage } from './log-consumer.js';
import { LogLineage, type SubjectState } from './log-lineage.js';

/** What following the log takes: the stream, and the prefix of the actors' subjects. */
export interface LogReading {
  readonly stream: StoreStream;
  readonly subjectPrefix: string;
}

/**
 * Messages a subscription asks for at a time. Each pull is a request on the connection: with 256, a
 * catch-up spent a sixth of its time writing pull requests on a busy machine. The next pull goes
 * out as soon as fewer than this many messages are buffered or on their way, so the server always
 * has one to fill (one at a time, it waited for a round trip per pull: a 100,000-event catch-up
 * ran at 0.77× raw nats.js's ordered consumer on a quiet machine); what a reader that stops reading
 * has coming is bounded by two pulls (with each pull's byte limit).
 */
const pullMessages = 1024;
/**
 * How long a pull may wait for the messages it asked for: it returns as soon as it has them all,
 * and delivers each as it comes, so this only bounds an idle wait (heartbeats flow meanwhile).
 */
const pullWaitMs = 5_000;
/** Pauses before making a new consumer after one failed, growing to the last. */
const resumeDelaysMs = [50, 100, 250, 500, 1_000, 2_000];

const ended: IteratorResult<RecordedEvent> = Object.freeze({ done: true, value: undefined });

/**
 * A subscription to the JetStream store's log (see `EventLog.subscribe`). It reads with a pull
 * consumer of its own (`LogConsumer`) that starts after the position it was asked for, holds at
 * most two pulls of messages (2,048) beyond what its reader has taken, and keeps the last position it
 * got, so catch-up flows into live without a hand-over. When the consumer fails (the connection
 * drops, the server restarts, the stream's leader changes, its server dies) it makes a new one at
 * the next position, again and again until it is closed: no gap, no duplicate. Every message
 * passes the follows rule (`LogLineage`, with the leader's word where only the server can tell),
 * so a save that lost a race is never delivered.
 */
export class JetStreamLogSubscription implements EventSubscription {
  readonly caughtUp: Promise<Position>;
  readonly #opened: Promise<LogReading>;
  #reading: LogReading | undefined;
  readonly #settings: ResolvedLogSubscription;
  readonly #started: Promise<void>;
  #settleCaughtUp!: { resolve(position: Position): void; reject(error: unknown): void };
  #caughtUpDone = false;
  // The head when the subscription started: catching up means reading up to it.
  #target = 0;
  // The last position received from a consumer, and the last one turned into events.
  #received = 0;
  #processed = 0;
  #lineage: LogLineage | undefined;
  readonly #raw: LogMessage[] = [];
  #ready: RecordedEvent[] = [];
  #consumer: LogConsumer | undefined;
  #opening = false;
  #failures = 0;
  #resumeTimer: NodeJS.Timeout | undefined;
  // A failure that ends the subscription: thrown to the reader once it has what came before.
  #fatal: unknown;
  #closed = false;
  #wake: (() => void) | undefined;
  // The follows check of a message that waits for the stream leader's word: nothing after it is
  // handed out before it is done.
  #asking: Promise<void> | undefined;
  readonly #onClose: (() => void) | undefined;

  /**
   * `reading` may still be opening: the subscription starts once it is open. `onClose` hears when
   * it ends (the store forgets it then).
   */
  constructor(
    reading: LogReading | Promise<LogReading>,
    settings: ResolvedLogSubscription,
    onClose?: () => void,
  ) {
    this.#opened = Promise.resolve(reading);
    this.#settings = settings;
    this.#onClose = onClose;
    this.caughtUp = new Promise<Position>((resolve, reject) => {
      this.#settleCaughtUp = { resolve, reject };
    });
    // A reader that never awaits caughtUp must not see an unhandled rejection when it ends early.
    this.caughtUp.catch(() => undefined);
    this.#started = this.#start();
    this.#started.catch(() => undefined);
    settings.signal?.addEventListener('abort', () => void this.close(), { once: true });
    if (settings.signal?.aborted === true) void this.close();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => this.#next(),
      return: async () => {
        await this.close();
        return ended;
      },
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#resumeTimer);
    this.#consumer?.close();
    this.#consumer = undefined;
    this.#raw.length = 0;
    this.#ready = [];
    this.#endCaughtUp(new Error('the subscription ended before it caught up'));
    this.#wake?.();
    this.#onClose?.();
    await this.#reading?.stream.idle();
  }

  async #start(): Promise<void> {
    this.#reading = await this.#opened;
    const { first, last } = await this.#reading.stream.bounds();
    const after = this.#settings.after === 'end' ? last : this.#settings.after;
    this.#target = last;
    let start = after;
    if (after + 1 < first) {
      if (!this.#settings.allowExpiredHistory) throw new HistoryExpiredError({ after, firstPosition: first });
      start = first - 1;
    }
    this.#received = start;
    this.#processed = start;
    this.#lineage = new LogLineage(start);
    if (this.#processed >= this.#target) this.#reachedTarget();
  }

  #next(): Promise<IteratorResult<RecordedEvent>> {
    // Most calls find an event ready, or a message at hand to make one of: answered without an
    // async function's machinery, which every event of a catch-up paid for.
    let ready: RecordedEvent | undefined;
    try {
      ready = this.#lineage === undefined ? undefined : this.#takeAtHand();
    } catch (error) {
      // A reader's onReplayError threw: its promise rejects, as an async function's would.
      return Promise.reject(error);
    }
    return ready === undefined ? this.#nextWaiting() : Promise.resolve({ done: false, value: ready });
  }

  // The next event from what is at hand, turning buffered messages into events as needed;
  // undefined when there is none without waiting (or something else than an event comes next).
  #takeAtHand(): RecordedEvent | undefined {
    for (;;) {
      if (this.#closed || this.#asking !== undefined) return undefined;
      const ready = this.#ready.shift();
      if (ready !== undefined) {
        // Handing out the last event up to the head it started with: caught up.
        if (this.#ready.length === 0 && this.#processed >= this.#target) this.#reachedTarget();
        return ready;
      }
      if (this.#fatal !== undefined) return undefined;
      const message = this.#raw.shift();
      if (message === undefined) return undefined;
      this.#keepReading();
      // Synchronous unless the stream leader must be asked: no promise per message on the way.
      this.#asking = this.#process(message);
    }
  }

  async #nextWaiting(): Promise<IteratorResult<RecordedEvent>> {
    // Awaited until it has settled once: not a microtask per event after that.
    if (this.#reading === undefined || this.#lineage === undefined) {
      try {
        await this.#started;
      } catch (error) {
        await this.close();
        throw error;
      }
    }
    for (;;) {
      if (this.#asking !== undefined) {
        try {
          await this.#asking;
        } finally {
          this.#asking = undefined;
        }
      }
      const ready = this.#takeAtHand();
      if (ready !== undefined) return { done: false, value: ready };
      if (this.#closed) return ended;
      if (this.#asking !== undefined) continue;
      // What came before a failure has been handed out: now the failure.
      if (this.#fatal !== undefined) {
        const error = this.#fatal;
        await this.close();
        throw error;
      }
      if (this.#processed >= this.#target) this.#reachedTarget();
      if (!this.#settings.live && this.#caughtUpDone) {
        await this.close();
        return ended;
      }
      this.#keepReading();
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  // Makes sure a consumer exists and pulls more once fewer than a pull's worth of messages are
  // buffered or on their way: never more than two pulls' worth.
  #keepReading(): void {
    if (this.#closed || this.#fatal !== undefined || this.#opening || this.#resumeTimer !== undefined) return;
    const consumer = this.#consumer;
    const coming = consumer === undefined ? 0 : consumer.outstanding;
    if (this.#raw.length + coming >= pullMessages) return;
    // Not live: nothing to ask for beyond the head it started with.
    if (!this.#settings.live && this.#received + coming >= this.#target) return;
    if (consumer === undefined) void this.#open();
    else consumer.pull(pullMessages, pullWaitMs);
  }

  async #open(): Promise<void> {
    this.#opening = true;
    try {
      this.#consumer = await this.#parts.stream.openLogConsumer(this.#received + 1, {
        message: (message) => this.#receive(message),
        pulled: () => this.#wakeReader(),
        failed: (error) => this.#failed(error),
      });
      if (this.#closed) {
        this.#consumer.close();
        return;
      }
    } catch (error) {
      this.#failed(error);
      return;
    } finally {
      this.#opening = false;
    }
    this.#wakeReader();
  }

  #receive(message: LogMessage): void {
    const expected = this.#received + 1;
    // Not live: nothing after the head it started with.
    if (!this.#settings.live && message.seq > this.#target) return;
    if (message.seq > expected && !this.#settings.allowExpiredHistory) {
      // The stream lost its front while the subscription was away: the positions between expired.
      this.#fatal = new HistoryExpiredError({ after: this.#received, firstPosition: message.seq });
      this.#consumer?.close();
      this.#consumer = undefined;
    } else if (message.seq >= expected) {
      this.#received = message.seq;
      this.#raw.push(message);
      this.#failures = 0;
    }
    this.#wakeReader();
  }

  // A consumer failed: a new one after a pause, at the next position, unless nothing can help.
  #failed(error: unknown): void {
    this.#consumer = undefined;
    if (this.#closed) return;
    const mapped = toStoreError(error, { operation: 'log', stream: this.#parts.stream.name });
    if (!isRetryable(mapped)) {
      this.#fatal = mapped;
      this.#wakeReader();
      return;
    }
    const delay = resumeDelaysMs[Math.min(this.#failures++, resumeDelaysMs.length - 1)] as number;
    this.#resumeTimer = setTimeout(() => {
      this.#resumeTimer = undefined;
      this.#wakeReader();
    }, delay);
  }

  // The store's parts: open once the subscription has started (every use comes after `#started`).
  get #parts(): LogReading {
    return this.#reading as LogReading;
  }

  // Once per wait: a message arrives with many others, and only the first needs to wake the reader.
  #wakeReader(): void {
    const wake = this.#wake;
    if (wake === undefined) return;
    this.#wake = undefined;
    wake();
  }

  // Turns one message into the events it delivers: none for a save that lost a race (or that the
  // filters leave out), all of a batch otherwise; a message that is not valid events is reported.
  // Returns a promise only when the follows rule needs the stream leader's word.
  #process(message: LogMessage): Promise<void> | undefined {
    const lineage = this.#lineage as LogLineage;
    const state = lineage.recall(message.subject);
    const known = this.#knownToBelong(lineage, state, message);
    if (known === undefined) return this.#processAsking(lineage, message);
    this.#deliver(lineage, state, message, known);
    return undefined;
  }

  async #processAsking(lineage: LogLineage, message: LogMessage): Promise<void> {
    const { seq, subject, follows } = message;
    let belongs: boolean;
    for (let attempt = 0; ; attempt++) {
      try {
        belongs = (await checkFollows(this.#parts.stream, subject, follows as number, seq)) === 'belongs';
        break;
      } catch (error) {
        if (this.#closed) return;
        const mapped = toStoreError(error, { operation: 'log', stream: this.#parts.stream.name });
        if (!isRetryable(mapped)) {
          this.#fatal = mapped;
          return;
        }
        // A stream without a leader answers at once (no responders) until one is elected: wait
        // between attempts as a resuming consumer does, rather than asking in a tight loop.
        const delay = resumeDelaysMs[Math.min(attempt, resumeDelaysMs.length - 1)] as number;
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (this.#closed) return;
      }
    }
    this.#deliver(lineage, lineage.recall(subject), message, belongs);
  }

  // Whether the message belongs to its actor's history; `undefined` when only the leader can tell.
  #knownToBelong(
    lineage: LogLineage,
    state: SubjectState | undefined,
    { seq, follows }: LogMessage,
  ): boolean | undefined {
    // On a single replica the server enforced what every message follows.
    if (this.#parts.stream.replicas === 1 || follows === undefined || Number.isNaN(follows)) return true;
    return lineage.belongs(state, seq, follows);
  }

  #deliver(
    lineage: LogLineage,
    state: SubjectState | undefined,
    message: LogMessage,
    belongs: boolean,
  ): void {
    const { seq, subject } = message;
    this.#processed = seq;
    const decoded = belongs ? this.#decode(message, state) : undefined;
    if (decoded === undefined || decoded instanceof ReplayError) {
      lineage.read(subject, state, seq, state === undefined ? 0 : state.version);
      if (decoded === undefined) return;
      if (this.#settings.onReplayError !== undefined) this.#settings.onReplayError(decoded);
      else this.#fatal = decoded;
      return;
    }
    const last = decoded[decoded.length - 1] as Event;
    lineage.read(subject, state, seq, last.version, last.actorId);
    const matches = this.#settings.matches;
    for (const event of decoded) {
      if (matches === undefined || matches(event)) this.#ready.push({ event, position: seq });
    }
  }

  // The message's events, checked against what the reader knows of its subject (`state`).
  #decode(
    { seq, subject, data, follows }: LogMessage,
    state: SubjectState | undefined,
  ): Event[] | ReplayError {
    try {
      if (Number.isNaN(follows))
        throw new ValidationError('Aether-Follows', 'is not a stream sequence below the message');
      const events = decodeEvents(data);
      const first = events[0] as Event;
      const previousVersion = state === undefined ? 0 : state.version;
      // The subject an actor id is stored on is one of a kind: the id it was found to hold passes.
      const known = state !== undefined && state.actorId === first.actorId;
      if (!known && actorSubject(this.#parts.subjectPrefix, actorToken(first.actorId)) !== subject) {
        throw new ValidationError(
          'actorId',
          `is ${JSON.stringify(first.actorId)}, but the message is stored on ${subject}`,
        );
      }
      if (first.version <= previousVersion) {
        throw new ValidationError(
          'version',
          `${first.version} is not above the previous version ${previousVersion}`,
        );
      }
      return events;
    } catch (cause) {
      return new ReplayError({ sequenceNumber: seq, rawData: copyBytes(data), cause });
    }
  }

  #reachedTarget(): void {
    if (this.#caughtUpDone) return;
    this.#caughtUpDone = true;
    this.#settleCaughtUp.resolve(this.#target);
  }

  #endCaughtUp(error: unknown): void {
    if (this.#caughtUpDone) return;
    this.#caughtUpDone = true;
    this.#settleCaughtUp.reject(error);
  }
}
