import { type Event, ReplayError } from '@aether/core';
import type { StoredMsg } from '@nats-io/jetstream';
import type { ActorHead } from '../caches/actor-caches.js';
import { lastEvents } from '../history/actor-history.js';
import { decodeStored } from '../history/decode-stored.js';
import { followsOf } from '../history/follows.js';
import { checkFollows } from '../stream/check-follows.js';
import { loadHistory, type Reading } from './load-history.js';

/** An actor's latest version and the stream sequence of its last message, fresh from the server. */
export interface FreshHead extends ActorHead {
  /**
   * The events of the latest message that belongs to the history (one, or those saved together),
   * when the read saw them (the last message, or a read of the subject); else empty.
   */
  events: Event[];
}

/**
 * Reads the actor's head with one get of the subject's last message. On a stream with replicas
 * that message may be a save that lost a race (see `belongsAfter`): one more leader-answered read
 * tells, unless nothing can sit between it and the message it follows, or this process already
 * knows this head. When the last message is not the latest event (it lost, or is corrupt), the
 * version is that of the last event before it, which needs a read of the subject. Tells the
 * caches (`headRead`).
 */
export async function readHead(reading: Reading, actorId: string, subject: string): Promise<FreshHead> {
  const last = await reading.stream.lastMessage(subject);
  if (last === null) {
    reading.caches.subjectEmpty(actorId);
    return { version: 0, seq: 0, events: [], lastBelongs: false };
  }
  const decoded = decodeStored(last.data, last.seq, actorId);
  let head: FreshHead;
  if (decoded instanceof ReplayError || !(await belongs(reading, actorId, subject, last, decoded))) {
    const history = await loadHistory(reading, actorId, subject, 1, last);
    head = { version: history.lastVersion, seq: last.seq, events: lastEvents(history), lastBelongs: false };
  } else {
    const version = (decoded[decoded.length - 1] as Event).version;
    head = { version, seq: last.seq, events: decoded, lastBelongs: true };
  }
  reading.caches.headRead(actorId, head);
  return head;
}

// Whether the subject's last message belongs to the actor's history. On a single replica the
// server's own check already decided: every message does. A head this process saved (or read)
// itself is known.
async function belongs(
  { stream, caches }: Reading,
  actorId: string,
  subject: string,
  last: StoredMsg,
  decoded: readonly Event[],
): Promise<boolean> {
  if (stream.replicas === 1) return true;
  const known = caches.head(actorId);
  const version = (decoded[decoded.length - 1] as Event).version;
  if (known?.seq === last.seq && known.lastBelongs && known.version === version) return true;
  const follows = followsOf(last.header, last.seq);
  if (follows === undefined) return true;
  if (Number.isNaN(follows)) return false;
  return (await checkFollows(stream, subject, follows, last.seq)) === 'belongs';
}
