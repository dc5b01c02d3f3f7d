import { decodeEvent, type Event } from '@aether/core';
import type { StoreContext } from '../context.js';
import { JetStreamStoreError } from '../errors/store-error.js';
import { messageAt } from '../read/last-message.js';
import { sameEvent } from './same-event.js';

/**
 * JetStream acknowledged a save as a duplicate of the message at `seq` (same `Nats-Msg-Id` within
 * the duplicate window). That is a success only when the stored message is this very event on
 * this actor's subject (a retry after a lost ack); an id reused by a different event is an
 * `EVENT_ID_CONFLICT`, never silently accepted.
 */
export async function confirmDuplicate(
  context: StoreContext,
  event: Event,
  subject: string,
  seq: number,
): Promise<void> {
  const stored = await messageAt(context, seq);
  let decoded: Event | undefined;
  try {
    decoded = stored === null ? undefined : decodeEvent(stored.data);
  } catch {
    decoded = undefined;
  }
  if (stored !== null && stored.subject === subject && decoded !== undefined && sameEvent(decoded, event)) {
    const cached = context.heads.get(event.actorId);
    if (cached === undefined || cached.seq < seq)
      context.heads.set(event.actorId, { version: event.version, seq });
    return;
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
