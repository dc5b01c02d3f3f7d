import type { PubAck } from '@nats-io/jetstream';
import { openAetherStore } from './aether-store.js';
import type { Append } from './events.js';
import type { Session } from './session.js';

/** Appends a prepared workload to a fresh stream; `start(i)` begins the i-th append. */
export interface Appender {
  start(index: number): Promise<unknown>;
  close(): Promise<void>;
}

export type OpenAppender = (
  session: Session,
  stream: string,
  appends: readonly Append[],
) => Promise<Appender>;

/** `JetStreamEventStore.saveEvent`, a fresh store instance on the (untimed) opened stream. */
export const aetherAppender: OpenAppender = async (session, stream, appends) => {
  const store = await openAetherStore(session, stream);
  return {
    start: (index) => store.saveEvent((appends[index] as Append).event),
    close: () => store.close(),
  };
};

const encoder = new TextEncoder();

/**
 * `js.publish(subject, bytes, { msgID, expect: { lastSubjectSequence } })`, the headers Aether
 * sends. The expected sequence of each subject is the previous publish's ack, so a subject's
 * publishes are chained on each other; different subjects' publishes run concurrently.
 */
function rawAppenderWith(payloadOf: (append: Append) => Uint8Array): OpenAppender {
  return async (session, _stream, appends) => {
    const last = new Map<string, Promise<number>>();
    const publish = (append: Append, payload: Uint8Array, seq: number): Promise<PubAck> =>
      session.js.publish(append.subject, payload, {
        msgID: append.event.id,
        expect: { lastSubjectSequence: seq },
      });
    return {
      start(index) {
        const append = appends[index] as Append;
        const payload = payloadOf(append);
        const previous = last.get(append.subject) ?? Promise.resolve(0);
        const next = previous.then((seq) => publish(append, payload, seq)).then((ack) => ack.seq);
        last.set(append.subject, next);
        return next;
      },
      close: async () => {},
    };
  };
}

/** Raw publishes of the event's JSON bytes, built before the clock starts. */
export const rawAppender: OpenAppender = rawAppenderWith((append) => append.payload);

/** The same, serialising each event when it is published (`JSON.stringify` + `TextEncoder`). */
export const rawJsonAppender: OpenAppender = rawAppenderWith((append) =>
  encoder.encode(JSON.stringify(append.event)),
);
