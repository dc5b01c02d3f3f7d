import type { Event } from '@aether/core';
import { decodeEvents } from '@aether/core/adapter';
import { JetStreamStoreError } from '../errors/store-error.js';
import { followsOf } from '../history/follows.js';
import type { Reading } from '../read/load-history.js';
import { checkFollows, type Lineage } from '../stream/check-follows.js';
import { sameEvents } from './same-event.js';

/**
 * JetStream acknowledged a save as a duplicate of the message at `seq` (same `Nats-Msg-Id` within
 * the duplicate window). That is a success only when the stored message holds these very events on
 * this actor's subject (a retry after a lost ack) and belongs to the actor's history; an id reused
 * by a different event is an `EVENT_ID_CONFLICT`, never silently accepted. A message that lost a
 * race between writers (see `belongsAfter`) is no use of the id: the answer is then `'lost'`, and
 * the caller saves the event again.
 */
export async function confirmDuplicate(
  { stream, caches }: Reading,
  events: readonly Event[],
  subject: string,
  seq: number,
): Promise<Lineage> {
  const event = events[0] as Event;
  const stored = await stream.messageAt(seq);
  let storedEvents: Event[] | undefined;
  try {
    storedEvents = stored === null ? undefined : decodeEvents(stored.data);
  } catch {
    storedEvents = undefined;
  }
  const decoded = storedEvents?.[0];
  if (stored !== null && decoded !== undefined && stream.replicas > 1) {
    const follows = followsOf(stored.header, seq);
    const lineage =
      follows === undefined || Number.isNaN(follows)
        ? 'belongs'
        : await checkFollows(stream, stored.subject, follows, seq);
    if (lineage === 'lost') return 'lost';
  }
  if (
    stored !== null &&
    stored.subject === subject &&
    storedEvents !== undefined &&
    sameEvents(storedEvents, events)
  ) {
    caches.duplicateConfirmed(events, seq);
    return 'belongs';
  }
  const holder =
    decoded !== undefined
      ? `event ${JSON.stringify(decoded.eventType)} version ${decoded.version} of actor ${JSON.stringify(decoded.actorId)}`
      : stored === null
        ? 'a message that can no longer be read'
        : `an undecodable message on ${stored.subject}`;
  throw new JetStreamStoreError(
    'EVENT_ID_CONFLICT',
    `event id ${JSON.stringify(event.id)} (actor ${JSON.stringify(event.actorId)}, version ${event.version}) was already ` +
      `used by a different event: ${holder}, at stream sequence ${seq}. JetStream dropped this save as a duplicate, ` +
      'so nothing was stored. Give every event a unique id (e.g. crypto.randomUUID()).',
  );
}
