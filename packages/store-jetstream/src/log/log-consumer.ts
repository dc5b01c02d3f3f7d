import { AckPolicy, DeliverPolicy, type JetStreamManager } from '@nats-io/jetstream';
import { type Msg, type NatsConnection, nanos, nuid, type Subscription } from '@nats-io/nats-core';
import { connectionEvents } from '../connection/connection-events.js';
import { inboxOf } from '../connection/inbox.js';
import { JetStreamStoreError } from '../errors/store-error.js';
import { followsOfMessage } from '../history/follows.js';
import { ackSubjectMarker, deliveryOfMessage } from '../stream/delivery-info.js';

/** One message of the log, as the consumer delivered it. */
export interface LogMessage {
  /** Its stream sequence: its position. */
  seq: number;
  /** The actor's subject it is stored on. */
  subject: string;
  data: Uint8Array;
  /** The sequence it follows (`followsOfMessage`). */
  follows: number | undefined;
}

/** What a log consumer tells its reader. */
export interface LogConsumerHandlers {
  /** The next message of the log, in order. */
  message(message: LogMessage): void;
  /**
   * A pull ended early (nothing more came in time, or its bytes were used up), or every pull under
   * way delivered all it asked for: the reader may pull again.
   */
  pulled(): void;
  /**
   * The consumer can no longer be read: a gap in its deliveries, missed heartbeats (its server
   * died), the connection dropped, the server ended or refused a pull. A reader makes a new one
   * after the last message it got.
   */
  failed(error: unknown): void;
}

/** What reading the log takes: the connection, the stream's API client and where the stream is. */
export interface LogTransport {
  nc: NatsConnection;
  jsm: JetStreamManager;
  stream: string;
  /** The stream's subjects: every actor's (`<subjectPrefix>.*`). */
  filterSubject: string;
  /** The server's max_payload: every pull has room for at least two messages. */
  maxMessageBytes: number;
  /** Receives the deletion of a consumer, which runs in the background. */
  cleanup(deletion: Promise<unknown>): void;
}

// A pull that waits for new messages sends heartbeats this often, and one silent for twice as long
// has lost its consumer (the server holding it died, or forgot it).
const heartbeatMs = 1_000;
// What a pull may carry at most: bounds what a slow reader has on its way to it.
const pullBytes = 4 * 1024 * 1024;
// A consumer no pull has reached for this long is dropped by the server; a reader resumes after
// such a pause with a new one.
const inactiveThresholdMs = 120_000;
// The header of a pull's end (408, 409) that says how many of its messages will not come.
const pendingMessagesHeader = 'Nats-Pending-Messages';

/**
 * An ephemeral pull consumer over the whole log, from a stream sequence on: no acks, in memory,
 * one replica, what nats.js's ordered consumer creates. Read on a subscription of its own, with a
 * callback per message, in stream order; the reader decides when to pull and how much (its
 * back-pressure), and may pull again before a pull has delivered everything, so that the server
 * never waits for a round trip between two pulls. Pulls wait for new messages and ask for
 * heartbeats, so that a consumer whose server died is noticed; a gap in the delivery sequence, the
 * connection dropping, or a pull the server refuses fails the consumer (`failed`), at once.
 */
export class LogConsumer {
  readonly #transport: LogTransport;
  readonly #name: string;
  readonly #handlers: LogConsumerHandlers;
  readonly #marker: Uint8Array;
  readonly #inbox: string;
  readonly #sub: Subscription;
  readonly #stopWatching: () => void;
  #consumerSeq = 0;
  // Messages asked for that the server has neither delivered nor given up on: the pulls under way.
  #outstanding = 0;
  #closed = false;
  // Whether anything came since the watchdog last looked (a flag, not a clock read per message),
  // and how many times in a row it found nothing.
  #heard = false;
  #silentTicks = 0;
  #watchdog: NodeJS.Timeout | undefined;

  private constructor(transport: LogTransport, name: string, handlers: LogConsumerHandlers) {
    this.#transport = transport;
    this.#name = name;
    this.#handlers = handlers;
    this.#marker = ackSubjectMarker(transport.stream, name);
    this.#inbox = inboxOf(transport.nc);
    this.#sub = transport.nc.subscribe(this.#inbox, {
      callback: (err, msg) => {
        if (this.#closed) return;
        if (err !== null)
          return this.#fail(
            err.name === 'PermissionViolationError' ? err : stopped('the subscription failed', err),
          );
        try {
          this.#onMessage(msg);
        } catch (error) {
          this.#fail(stopped('a message could not be handled', error));
        }
      },
    });
    void this.#sub.closed.then(() => this.#fail(stopped('the connection was lost or closed')));
    const events = connectionEvents(transport.nc);
    const nextSubject = this.#nextSubject;
    const watching = [
      events.onDrop(() => this.#fail(stopped('the connection dropped'))),
      events.onRefusal((refusal) => {
        if (refusal.operation === 'publish' && refusal.subject === nextSubject) this.#fail(refusal);
      }),
    ];
    this.#stopWatching = () => {
      for (const stop of watching) stop();
    };
  }

  /** Creates a consumer that starts at stream sequence `startSeq` (which may not exist yet). */
  static async open(
    transport: LogTransport,
    startSeq: number,
    handlers: LogConsumerHandlers,
  ): Promise<LogConsumer> {
    const name = `aether_log_${nuid.next()}`;
    // A stream sequence of 0 means "from the first message".
    const start = Math.max(startSeq, 1);
    await transport.jsm.consumers.add(transport.stream, {
      name,
      filter_subject: transport.filterSubject,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: start,
      ack_policy: AckPolicy.None,
      mem_storage: true,
      num_replicas: 1,
      inactive_threshold: nanos(inactiveThresholdMs),
    });
    return new LogConsumer(transport, name, handlers);
  }

  /** Messages the pulls under way may still deliver: 0 when none is under way. */
  get outstanding(): number {
    return this.#outstanding;
  }

  /**
   * Asks for up to `messages` more messages, on top of any pull under way. The server holds the
   * pull open for up to `waitMs` waiting for them (heartbeats flow meanwhile, and each message
   * comes as it is stored); the server refuses less than two heartbeats (2 s).
   */
  pull(messages: number, waitMs: number): void {
    if (this.#closed) return;
    this.#outstanding += messages;
    const request = {
      batch: messages,
      max_bytes: Math.max(pullBytes, 2 * this.#transport.maxMessageBytes),
      expires: nanos(waitMs),
      idle_heartbeat: nanos(heartbeatMs),
    };
    this.#heard = true;
    this.#watch();
    try {
      this.#transport.nc.publish(this.#nextSubject, JSON.stringify(request), { reply: this.#inbox });
    } catch (error) {
      this.#fail(stopped('the pull request could not be sent', error));
    }
  }

  /** Stops reading and deletes the consumer in the background. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#outstanding = 0;
    clearTimeout(this.#watchdog);
    this.#stopWatching();
    if (!this.#sub.isClosed()) this.#sub.unsubscribe();
    const { jsm, stream } = this.#transport;
    this.#transport.cleanup(jsm.consumers.delete(stream, this.#name).catch(() => undefined));
  }

  get #nextSubject(): string {
    return `$JS.API.CONSUMER.MSG.NEXT.${this.#transport.stream}.${this.#name}`;
  }

  #onMessage(msg: Msg): void {
    this.#heard = true;
    const delivery = deliveryOfMessage(msg, this.#marker);
    if (delivery === undefined) {
      this.#onStatus(msg);
      return;
    }
    if (delivery.consumerSeq !== ++this.#consumerSeq) {
      this.#fail(stopped('messages were lost on the way (a reconnect?)'));
      return;
    }
    const seq = delivery.streamSeq;
    this.#handlers.message({
      seq,
      subject: msg.subject,
      data: msg.data,
      follows: followsOfMessage(msg, seq),
    });
    // A server that sent more than was asked for (it never does) must not drive the count below 0.
    if (this.#outstanding > 0 && --this.#outstanding === 0) this.#ended();
  }

  #onStatus(msg: Msg): void {
    const headers = msg.headers;
    const code = headers?.code;
    const description = headers?.description ?? '';
    if (code === 100) return; // a heartbeat: the consumer is alive
    // A pull ended before it had all it asked for: nothing more came in time (408), or its bytes
    // are used up (409). The server says how many of its messages will not come; without that
    // word, counting none as coming any more at worst lets one more pull out, never stalls the read.
    if (code === 404 || code === 408 || (code === 409 && /exceeds maxbytes/i.test(description))) {
      const left = Number(headers?.get(pendingMessagesHeader) || Number.NaN);
      this.#outstanding = Number.isSafeInteger(left) ? Math.max(this.#outstanding - left, 0) : 0;
      this.#ended();
      return;
    }
    this.#fail(stopped(`the server ended the read (${code ?? '?'} ${description})`));
  }

  // A pull ended: the reader may want another.
  #ended(): void {
    if (this.#outstanding === 0) clearTimeout(this.#watchdog);
    this.#handlers.pulled();
  }

  // While a waiting pull is under way, silence for two heartbeats may mean the consumer or our pull
  // is gone, or only that a machine starved of CPU delayed the heartbeats (it recreated live
  // consumers 3 times in one 10,000-event read). So silence is a question to the server: a consumer
  // it still knows with a pull waiting on it (ours: nobody else pulls from it) is alive, and the
  // watch goes on; no answer, no such consumer or no pull waiting fails the read.
  #watch(): void {
    clearTimeout(this.#watchdog);
    this.#watchdog = setTimeout(() => {
      if (this.#outstanding === 0 || this.#closed) return;
      if (this.#heard) {
        this.#heard = false;
        this.#silentTicks = 0;
        this.#watch();
        return;
      }
      // Silent for two heartbeats in a row: ask.
      if (++this.#silentTicks < 2) {
        this.#watch();
        return;
      }
      const { jsm, stream } = this.#transport;
      jsm.consumers.info(stream, this.#name).then(
        (info) => {
          if (info.num_waiting === 0) {
            this.#fail(stopped('its heartbeats stopped and the server holds no pull for it'));
            return;
          }
          this.#heard = true;
          if (this.#outstanding > 0 && !this.#closed) this.#watch();
        },
        (error: unknown) =>
          this.#fail(stopped('its heartbeats stopped and its server does not answer for it', error)),
      );
    }, heartbeatMs);
  }

  #fail(error: unknown): void {
    if (this.#closed) return;
    this.close();
    this.#handlers.failed(error);
  }
}

function stopped(why: string, cause?: unknown): JetStreamStoreError {
  return new JetStreamStoreError(
    'DISCONNECTED',
    `reading the log stopped: ${why}; it goes on from where it stopped`,
    {
      cause,
    },
  );
}
