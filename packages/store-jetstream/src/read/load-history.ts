import type { StoredMsg } from '@nats-io/jetstream';
import type { ActorCaches } from '../caches/actor-caches.js';
import { JetStreamStoreError } from '../errors/store-error.js';
import { type ActorHistory, emptyHistory, HistoryExtension } from '../history/actor-history.js';
import { followsOf } from '../history/follows.js';
import { eventIdOf } from '../history/message-id.js';
import type { StoreStream } from '../stream/store-stream.js';

/** What reading an actor takes: the store's stream, and what this process remembers of actors. */
export interface Reading {
  readonly stream: StoreStream;
  readonly caches: ActorCaches;
}

/**
 * The actor's history, enough to answer a read from `fromVersion`. One direct get finds the
 * subject's last sequence; a cached history that still ends there is returned as is (one round
 * trip), one that ends earlier is extended with only the newer messages (see `readTail`), and
 * otherwise the subject is read with a consumer of the store's own (`StoreStream.readRange`),
 * from the actor's snapshot when that covers `fromVersion`. `head` is the last message when the
 * caller has just fetched it. What was read goes to the caches (`historyRead`).
 */
export async function loadHistory(
  reading: Reading,
  actorId: string,
  subject: string,
  fromVersion: number,
  head?: StoredMsg | null,
): Promise<ActorHistory> {
  const { stream, caches } = reading;
  const last = head === undefined ? await stream.lastMessage(subject) : head;
  if (last === null) {
    caches.subjectEmpty(actorId);
    return emptyHistory(1, 0);
  }
  const cached = caches.history(actorId);
  if (cached !== undefined && fromVersion >= cached.coversFromVersion && cached.lastSeq <= last.seq) {
    if (cached.lastSeq === last.seq && sameLastMessage(cached, last)) return cached;
    if (cached.lastSeq < last.seq) return readTail(reading, actorId, subject, cached, last);
  }
  const hint = caches.snapshotHint(actorId);
  // A snapshot's hint applies when the read starts after its version (and the hint is not from a
  // stream that has since been deleted and created again, whose sequences would be smaller).
  const useHint = hint !== undefined && hint.version < fromVersion && hint.seq <= last.seq;
  const start = useHint ? emptyHistory(hint.seq + 1, hint.version) : emptyHistory(1, 0);
  return read(reading, actorId, subject, start, last.seq);
}

/** Messages a cached history is extended by one get at a time before a consumer reads the rest. */
const maxTailGets = 4;

/**
 * Extends a cached history up to `last`. A few new messages (an actor another process has just
 * saved to, or a save that lost a race) cost less one get at a time than a consumer, which takes
 * milliseconds to create on a replicated stream. `last` itself needs no get once the history
 * reaches the message it follows on a single replica, where the server enforced that.
 */
async function readTail(
  reading: Reading,
  actorId: string,
  subject: string,
  cached: ActorHistory,
  last: StoredMsg,
): Promise<ActorHistory> {
  const { stream, caches } = reading;
  const extension = new HistoryExtension(cached, actorId);
  const lastFollows = followsOf(last.header, last.seq);
  for (let gets = 0; ; gets++) {
    if (stream.replicas === 1 && lastFollows === extension.nextSeq - 1) {
      extension.add(last.seq, last.data, lastFollows);
      return remember(caches, actorId, extension.finish(last.seq));
    }
    if (gets === maxTailGets) break;
    const next = await stream.nextMessage(subject, extension.nextSeq);
    if (next === null || next.seq > last.seq) break;
    extension.add(next.seq, next.data, followsOf(next.header, next.seq));
    if (next.seq === last.seq) return remember(caches, actorId, extension.finish(last.seq));
  }
  return read(reading, actorId, subject, extension, last.seq);
}

async function read(
  { stream, caches }: Reading,
  actorId: string,
  subject: string,
  from: ActorHistory | HistoryExtension,
  endSeq: number,
): Promise<ActorHistory> {
  const extension = from instanceof HistoryExtension ? from : new HistoryExtension(from, actorId);
  for (let attempt = 1; ; attempt++) {
    const startSeq = extension.nextSeq;
    try {
      await stream.readRange(subject, startSeq, endSeq, (seq, data, follows) =>
        extension.add(seq, data, follows),
      );
      break;
    } catch (err) {
      // A read cut off midway (a reconnect lost its consumer or some of its messages) goes on
      // from where it stopped with a new consumer, as nats.js's ordered consumer would. A read
      // that got nothing fails at once: retrying it would only double the wait on a dead server.
      const madeProgress = extension.nextSeq > startSeq;
      if (!madeProgress || attempt >= maxReadAttempts || !isInterruption(err)) throw err;
    }
  }
  return remember(caches, actorId, extension.finish(endSeq));
}

function remember(caches: ActorCaches, actorId: string, history: ActorHistory): ActorHistory {
  caches.historyRead(actorId, history);
  return history;
}

const maxReadAttempts = 3;

function isInterruption(err: unknown): boolean {
  return err instanceof JetStreamStoreError && (err.code === 'DISCONNECTED' || err.code === 'TIMEOUT');
}

// The same sequence and, when the last message was an event, the same event id: a stream that was
// deleted and created again restarts its sequences, so a sequence alone could match by accident.
function sameLastMessage(history: ActorHistory, last: StoredMsg): boolean {
  return history.lastEventId === undefined || history.lastEventId === eventIdOf(last);
}
