import { type Event, VersionConflictError } from '@aether/core';
import { ApiCodes, apiCodeOf } from '@aether/nats-support';
import type { ActorHead } from '../caches/actor-caches.js';
import { JetStreamStoreError } from '../errors/store-error.js';
import { messageIdFor } from '../history/message-id.js';
import type { Reading } from '../read/load-history.js';
import { type FreshHead, readHead } from '../read/read-head.js';
import { checkFollows } from '../stream/check-follows.js';
import type { StoreStream } from '../stream/store-stream.js';
import type { AckPublisher, PublishAck } from './ack-publisher.js';
import { confirmDuplicate } from './confirm-duplicate.js';
import { sameEvents } from './same-event.js';

/** What saving takes: what reading does (a refused save reads the head), and the publisher. */
export interface Writing extends Reading {
  readonly publisher: AckPublisher;
}

/** Validated events of one actor, saved together as one message, ready to publish. */
export interface PreparedEvents {
  /** One event, or the consecutive versions of one `saveEvents` call. */
  events: readonly Event[];
  subject: string;
  /** `encodeEvents(events)`. */
  payload: Uint8Array;
}

/** Publishes that lost the race to other writers before the save gives up (`CONTENTION`, retryable). */
const maxPublishAttempts = 25;

/**
 * Appends one message of events (one, or several saved together: all or nothing); the caller
 * runs appends of one actor one at a time. Publishes with the first event's id as `Nats-Msg-Id`
 * and the expectation that the actor's last subject sequence is the
 * one this process knows, so the server refuses a stale writer (error 10071, recognised by code).
 * Then it re-reads the actor's head with one get: a version not above it is a
 * `VersionConflictError` with the real current version; otherwise it publishes again on the fresh
 * sequence. The head comes from the cache when it can: a stale entry costs a retry, never a lost or
 * duplicated version.
 *
 * On a stream with replicas the server's check is not enough (see `belongsAfter`): after the ack
 * the save asks the leader whether another message landed on the subject between the one it
 * expected and its own. If one did, its message is not part of the history, and the save goes on
 * as after a refusal.
 */
export async function appendEvents(writing: Writing, prepared: PreparedEvents): Promise<void> {
  const { events, subject } = prepared;
  const event = events[0] as Event;
  const { stream, caches, publisher } = writing;
  let head: ActorHead | FreshHead | undefined = caches.head(event.actorId);
  let fresh = false;
  // Set once a message of this save is stored but lost the race: its id is taken for the
  // duplicate window, so the next publish needs another (see `messageIdFor`).
  let lostRace = false;
  if (head === undefined) {
    // A first event is most likely a new actor: expect an empty subject and skip the read.
    if (event.version === 1) head = { version: 0, seq: 0, lastBelongs: false };
    else [head, fresh] = [await readHead(writing, event.actorId, subject), true];
  }
  for (let attempt = 0; ; attempt++) {
    if (event.version <= head.version) {
      if (!fresh) {
        [head, fresh] = [await readHead(writing, event.actorId, subject), true];
        continue;
      }
      // The events themselves may be the head: an earlier attempt stored them and its ack was lost.
      if (sameEvents((head as FreshHead).events, events)) return;
      throw new VersionConflictError({
        actorId: event.actorId,
        attemptedVersion: event.version,
        currentVersion: head.version,
      });
    }
    if (attempt >= maxPublishAttempts) throw contention(events, attempt);
    let ack: PublishAck;
    try {
      ack = await publisher.publish({
        subject,
        payload: prepared.payload,
        msgId: messageIdFor(event.id, head.seq, lostRace),
        expectedLastSubjectSequence: head.seq,
      });
    } catch (err) {
      if (apiCodeOf(err) !== ApiCodes.WrongLastSequence) throw err;
      [head, fresh] = [await readHead(writing, event.actorId, subject), true];
      continue;
    }
    if (ack.duplicate) {
      if ((await confirmDuplicate(writing, events, subject, ack.seq)) === 'belongs') return;
    } else if ((await lineageOf(stream, subject, head.seq, ack.seq)) === 'belongs') {
      caches.saved(events, head.seq, ack.seq);
      return;
    }
    lostRace = true;
    [head, fresh] = [await readHead(writing, event.actorId, subject), true];
  }
}

// Whether the message just stored at `seq`, which expected `follows`, belongs to the history. On
// a single replica the server's check decided that already, without a round trip.
function lineageOf(
  stream: StoreStream,
  subject: string,
  follows: number,
  seq: number,
): Promise<'belongs' | 'lost'> | 'belongs' {
  return stream.replicas === 1 ? 'belongs' : checkFollows(stream, subject, follows, seq);
}

function contention(events: readonly Event[], attempts: number): JetStreamStoreError {
  const event = events[0] as Event;
  const what = events.length === 1 ? 'event' : `the ${events.length} events from event`;
  return new JetStreamStoreError(
    'CONTENTION',
    `saving ${what} ${JSON.stringify(event.id)} (version ${event.version}) of actor ${JSON.stringify(event.actorId)} ` +
      `lost the race to other writers ${attempts} times in a row; nothing was saved, retrying is safe`,
  );
}
