import { type Msg, type NatsConnection, nanos } from '@nats-io/nats-core';
import { connectionEvents } from '../connection/connection-events.js';
import { inboxOf } from '../connection/inbox.js';
import { JetStreamStoreError } from '../errors/store-error.js';
import { followsOfMessage } from '../history/follows.js';
import { ackSubjectMarker, deliveryOfMessage } from './delivery-info.js';

/**
 * Takes each message read, in stream order, as it arrives: its stream sequence, its payload and
 * the sequence it follows (`followsOf`).
 */
export type MessageSink = (seq: number, data: Uint8Array, follows: number | undefined) => void;

export interface PullRangeOptions {
  subject: string;
  /** First stream sequence to read. */
  startSeq: number;
  /** Last stream sequence to read: the subject's last message, from a consistent get. */
  endSeq: number;
  /** Fail when no message arrives for this long. */
  idleTimeoutMs: number;
  /**
   * Whether a pending count of 0 before `endSeq` ends the read (`endSeq` expired meanwhile). True
   * only for a stream with one replica: with replicas the consumer may run on a follower that has
   * not applied `endSeq` yet, and reports 0 pending until it has.
   */
  trustPending: boolean;
  /** The largest message the server accepts (its max_payload): every pull must have room for one. */
  maxMessageBytes: number;
}

/**
 * What one pull request asks for: this many messages, or this many bytes, whichever comes first.
 * Each pull request is a write on the socket, and on a loopback connection that the server is
 * busy answering a write cost about 2 ms here: a replay of 10,000 events in pulls of 1,000 spent
 * a tenth of its time on them. One pull per few megabytes keeps the writes few while bounding
 * what the server has on its way to a client that reads slowly (too much and the server cuts it
 * off as a slow consumer).
 */
const pullMessages = 10_000;
const pullBytes = 8 * 1024 * 1024;

/**
 * Reads a pull consumer (created at `startSeq`, filtered to the subject) up to `endSeq` on a
 * subscription of its own, with a callback per message. This is what nats.js's ordered consumer
 * does, minus what costs it most per message on a read of thousands: a `JsMsg` and its parsed
 * delivery info, an async iterator step, a heartbeat check. A new pull goes out when the last one
 * has been answered in full. The connection dropping, a gap in the consumer's delivery sequence
 * (messages lost to a reconnect) or a pull the server ends for another reason fails the read as
 * `DISCONNECTED` (retryable) at once; nothing arriving for `idleTimeoutMs` fails it as `TIMEOUT`.
 * A pull request or reply subscription the server's permissions refuse fails it with nats.js's
 * `PermissionViolationError` (a `PERMISSION_DENIED` for the store), not a timeout.
 */
export function pullRange(
  nc: NatsConnection,
  consumer: { stream: string; name: string },
  options: PullRangeOptions,
  sink: MessageSink,
): Promise<void> {
  const { endSeq, idleTimeoutMs } = options;
  // The subject holds at most one message per sequence of the range: asking for more is useless.
  const most = endSeq - options.startSeq + 1;
  const maxBytes = Math.max(pullBytes, 2 * options.maxMessageBytes);
  const expires = nanos(Math.max(idleTimeoutMs, 1000));
  const nextSubject = `$JS.API.CONSUMER.MSG.NEXT.${consumer.stream}.${consumer.name}`;
  const marker = ackSubjectMarker(consumer.stream, consumer.name);
  const inbox = inboxOf(nc);
  let received = 0;
  let lastSeq = options.startSeq - 1;
  let requested = 0;
  let consumerSeq = 0;
  let settled = false;
  let lastMessageAt = performance.now();

  return new Promise<void>((resolve, reject) => {
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopWatching();
      if (!sub.isClosed()) sub.unsubscribe();
      if (err === undefined) resolve();
      else reject(err);
    };
    const progress = () => `up to sequence ${lastSeq} of ${endSeq}`;
    const stopped = (why: string, cause?: unknown) =>
      new JetStreamStoreError(
        'DISCONNECTED',
        `reading subject ${options.subject} stopped early (${progress()}): ${why}; retrying is safe`,
        { cause },
      );
    const pull = () => {
      const size = Math.min(pullMessages, Math.max(most - received, 1));
      requested = received + size;
      nc.publish(nextSubject, JSON.stringify({ batch: size, max_bytes: maxBytes, expires }), {
        reply: inbox,
      });
    };
    const onStatus = (msg: Msg) => {
      const code = msg.headers?.code;
      const description = msg.headers?.description ?? '';
      if (code === 100) return; // a heartbeat or flow control: never asked for, harmless
      // The pull ended before it had all it asked for: it expired (the subject has nothing more
      // yet, or the read is long) or reached its byte limit. Ask again for the rest.
      if (code === 408 || code === 404 || (code === 409 && /exceeds maxbytes/i.test(description))) {
        if (received < most) pull();
        return;
      }
      finish(stopped(`the server ended the read (${code ?? '?'} ${description})`));
    };
    const onMessage = (msg: Msg) => {
      lastMessageAt = performance.now();
      const delivery = deliveryOfMessage(msg, marker);
      if (delivery === undefined) return onStatus(msg);
      if (delivery.consumerSeq !== ++consumerSeq) {
        return finish(stopped('messages were lost on the way (a reconnect?)'));
      }
      const seq = delivery.streamSeq;
      if (seq > endSeq) return finish();
      received++;
      lastSeq = seq;
      sink(seq, msg.data, followsOfMessage(msg, seq));
      if (seq === endSeq || (options.trustPending && delivery.pending === 0)) return finish();
      if (received === requested) pull();
    };

    const sub = nc.subscribe(inbox, {
      callback: (err, msg) => {
        if (settled) return;
        if (err !== null) return finish(isRefusal(err) ? err : stopped('the subscription failed', err));
        try {
          onMessage(msg);
        } catch (err) {
          finish(stopped('a message could not be handled', err));
        }
      },
    });
    // Ends with the connection: the read cannot go on.
    void sub.closed.then(() => finish(stopped('the connection was lost or closed')));
    // The consumer's messages stop with the connection, and a pull the server refuses is only
    // reported on the connection: neither would otherwise end the read before its idle timeout.
    const events = connectionEvents(nc);
    const watching = [
      events.onDrop(() => finish(stopped('the connection dropped'))),
      events.onRefusal((refusal) => {
        if (refusal.operation === 'publish' && refusal.subject === nextSubject) finish(refusal);
      }),
    ];
    const stopWatching = () => {
      for (const stop of watching) stop();
    };

    // One timer for the whole read rather than one per message: a message only notes the time,
    // and the timer, when it fires before the read has been idle for long enough, waits again.
    const watch = (delay: number): NodeJS.Timeout =>
      setTimeout(() => {
        const idleMs = performance.now() - lastMessageAt;
        if (idleMs < idleTimeoutMs) {
          timer = watch(idleTimeoutMs - idleMs);
          return;
        }
        finish(
          new JetStreamStoreError(
            'TIMEOUT',
            `reading subject ${options.subject} timed out after ${idleTimeoutMs} ms without a message (${progress()}); retrying is safe`,
          ),
        );
      }, delay);
    let timer = watch(idleTimeoutMs);
    // Down already (after the consumer was made): a pull would go to a buffer nats.js discards.
    if (!events.connected) return finish(stopped('the connection is down'));
    try {
      pull();
    } catch (err) {
      finish(stopped('the pull request could not be sent', err));
    }
  });
}

// By name: nats.js's PermissionViolationError, from any copy of nats.js.
function isRefusal(err: Error): boolean {
  return err.name === 'PermissionViolationError';
}
