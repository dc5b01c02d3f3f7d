import { type ApiError, JetStreamApiError, JetStreamError } from '@nats-io/jetstream';
import {
  errors,
  headers,
  type Msg,
  type NatsConnection,
  RequestError,
  type Subscription,
} from '@nats-io/nats-core';
import { ConnectionDownError } from '../connection/connection-down-error.js';
import { type ConnectionEvents, connectionEvents, type Refusal } from '../connection/connection-events.js';
import { inboxOf } from '../connection/inbox.js';
import { FOLLOWS_HEADER } from '../history/follows.js';

/** What JetStream answered to a publish: where the message is, and whether it was a duplicate. */
export interface PublishAck {
  seq: number;
  duplicate: boolean;
}

/**
 * A publish with the headers of an append: its message id and the expected last subject
 * sequence, which it also records as the sequence the message follows (`FOLLOWS_HEADER`).
 */
export interface AppendPublish {
  subject: string;
  payload: Uint8Array;
  msgId: string;
  expectedLastSubjectSequence: number;
}

interface Waiting {
  message: AppendPublish;
  /** False while the publish is held back because the connection is down. */
  sent: boolean;
  resolve(ack: PublishAck): void;
  reject(err: unknown): void;
  timer: NodeJS.Timeout;
}

/**
 * Publishes to JetStream and waits for the acks on one reply subscription of its own, instead of
 * `js.publish` (a request per publish). nats.js captures two error stacks per request unless the
 * connection was opened with `noAsyncTraces`, which a caller's connection may not be; with the
 * promise layers of `js.publish` that was about a quarter of the client's time per save
 * (profiled). The failures read as they did from `js.publish` (the same nats.js error classes): an
 * API error is a `JetStreamApiError` with its code, a missing stream `NoResponders`, a lost ack a
 * `TimeoutError`, a closed connection a `RequestError`, a publish or reply subscription the
 * server's permissions refuse the `PermissionViolationError` nats.js reports.
 *
 * The connection dropping fails every publish waiting for its ack at once (`RequestError`: it may
 * or may not have been stored; the ack can no longer come). A publish made while the connection is
 * down is held back and sent when it is up again, within the timeout (`ConnectionDownError` if it
 * never is): nats.js would write it to a buffer it discards when it dials again.
 */
export class AckPublisher {
  readonly #nc: NatsConnection;
  readonly #events: ConnectionEvents;
  readonly #timeoutMs: number;
  readonly #waiting = new Map<string, Waiting>();
  #inbox: { prefix: string; sub: Subscription } | undefined;
  #listening: (() => void)[] | undefined;
  #next = 0;
  #closed = false;

  constructor(nc: NatsConnection, timeoutMs: number) {
    this.#nc = nc;
    this.#events = connectionEvents(nc);
    this.#timeoutMs = timeoutMs;
  }

  publish(message: AppendPublish): Promise<PublishAck> {
    return new Promise<PublishAck>((resolve, reject) => {
      if (this.#closed) {
        reject(new errors.ClosedConnectionError());
        return;
      }
      try {
        this.#listen();
        const token = (this.#next++).toString(36);
        const timer = setTimeout(() => this.#expire(token), this.#timeoutMs);
        const waiting: Waiting = { message, sent: false, resolve, reject, timer };
        this.#waiting.set(token, waiting);
        // A closed connection is left to nats.js, which refuses the publish at once.
        if (this.#events.connected || this.#nc.isClosed()) this.#send(token, waiting);
      } catch (err) {
        reject(err);
      }
    });
  }

  /** Stops listening for acks; a publish still waiting fails as on a closed connection. */
  close(): void {
    this.#closed = true;
    this.#unsubscribe();
    for (const stop of this.#listening ?? []) stop();
    this.#listening = undefined;
  }

  #send(token: string, waiting: Waiting): void {
    waiting.sent = true;
    const { message } = waiting;
    try {
      const prefix = this.#subscribed();
      const h = headers();
      const expected = String(message.expectedLastSubjectSequence);
      // First: readers look for it at the start of the header block (`followsOfMessage`).
      h.set(FOLLOWS_HEADER, expected);
      h.set('Nats-Msg-Id', message.msgId);
      h.set('Nats-Expected-Last-Subject-Sequence', expected);
      this.#nc.publish(message.subject, message.payload, { reply: prefix + token, headers: h });
    } catch (err) {
      this.#settle(token, err);
    }
  }

  #listen(): void {
    if (this.#listening !== undefined) return;
    this.#listening = [
      this.#events.onDrop(() => this.#dropped()),
      this.#events.onUp((up) => {
        if (up) this.#sendHeld();
      }),
      this.#events.onRefusal((refusal) => this.#refused(refusal)),
    ];
  }

  #subscribed(): string {
    if (this.#inbox !== undefined) return this.#inbox.prefix;
    const prefix = `${inboxOf(this.#nc)}.`;
    const sub = this.#nc.subscribe(`${prefix}*`, {
      callback: (err, msg) => (err === null ? this.#answer(prefix, msg) : this.#failAll(err)),
    });
    const inbox = { prefix, sub };
    this.#inbox = inbox;
    // The subscription ends with the connection (or on a permissions error): what waits fails now
    // rather than at its timeout, and the next publish subscribes again.
    void sub.closed.then(
      () => this.#lost(inbox),
      () => this.#lost(inbox),
    );
    return prefix;
  }

  #answer(prefix: string, msg: Msg): void {
    const token = msg.subject.slice(prefix.length);
    if (!this.#waiting.has(token)) return; // timed out already
    if (msg.data.length === 0 && msg.headers?.code === 503) {
      this.#settle(token, new errors.NoRespondersError(msg.subject));
      return;
    }
    let ack: { seq?: unknown; duplicate?: unknown; error?: ApiError };
    try {
      ack = msg.json();
    } catch (err) {
      this.#settle(token, new JetStreamError('invalid ack response', { cause: err }));
      return;
    }
    if (ack.error !== undefined) {
      this.#settle(token, new JetStreamApiError(ack.error));
    } else if (typeof ack.seq !== 'number') {
      this.#settle(token, new JetStreamError('invalid ack response'));
    } else {
      this.#settle(token, undefined, { seq: ack.seq, duplicate: ack.duplicate === true });
    }
  }

  // The acks of what was sent can no longer come: the server dropped the reply subscription with
  // the connection, and nats.js discards what it had not written yet when it dials again.
  #dropped(): void {
    for (const [token, waiting] of [...this.#waiting]) {
      if (waiting.sent) this.#settle(token, new RequestError('connection disconnected'));
    }
  }

  #sendHeld(): void {
    for (const [token, waiting] of [...this.#waiting]) {
      if (!waiting.sent && this.#events.connected) this.#send(token, waiting);
    }
  }

  // Without this, a publish refused by the server's permissions would wait for its timeout and be
  // reported as one: retryable, though no retry can succeed. (A refused reply subscription reaches
  // the subscription's callback instead.)
  #refused(refusal: Refusal): void {
    if (refusal.operation !== 'publish') return;
    for (const [token, waiting] of [...this.#waiting]) {
      if (waiting.sent && waiting.message.subject === refusal.subject) this.#settle(token, refusal);
    }
  }

  #expire(token: string): void {
    const sent = this.#waiting.get(token)?.sent;
    this.#settle(
      token,
      sent === false ? new ConnectionDownError(this.#timeoutMs) : new errors.TimeoutError(),
    );
  }

  #settle(token: string, err: unknown, ack?: PublishAck): void {
    const waiting = this.#waiting.get(token);
    if (waiting === undefined) return;
    this.#waiting.delete(token);
    clearTimeout(waiting.timer);
    if (ack !== undefined) waiting.resolve(ack);
    else waiting.reject(err);
  }

  #failAll(err: unknown): void {
    for (const token of [...this.#waiting.keys()]) this.#settle(token, err);
    this.#unsubscribe();
  }

  #lost(inbox: { prefix: string; sub: Subscription }): void {
    if (this.#inbox !== inbox) return;
    this.#inbox = undefined;
    for (const token of [...this.#waiting.keys()]) this.#settle(token, new RequestError('connection closed'));
  }

  #unsubscribe(): void {
    const inbox = this.#inbox;
    if (inbox === undefined) return;
    this.#inbox = undefined;
    if (!inbox.sub.isClosed()) inbox.sub.unsubscribe();
    for (const token of [...this.#waiting.keys()]) this.#settle(token, new RequestError('connection closed'));
  }
}
