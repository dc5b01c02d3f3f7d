import type { StoredMsg } from '@nats-io/jetstream';

/**
 * The `Nats-Msg-Id` a save publishes with, by which JetStream drops a retried save (same id,
 * within the duplicate window) and the store notices an id reused by another event.
 *
 * It is the event id, except after a save of this event was stored and then lost the race to
 * another writer (see `belongsAfter`): that message keeps the id for the duplicate window, and a
 * publish with the same id would be dropped as its duplicate. The save made again is published
 * as `<event id>\t<the sequence it follows>`: a tab can never be part of an event id (`@aether/core`
 * refuses control characters in ids), so it never equals another event's id, and a retry of that
 * very save (the same sequence) is still recognised as a duplicate.
 */
export function messageIdFor(eventId: string, follows: number, afterLostRace: boolean): string {
  return afterLostRace ? `${eventId}\t${follows}` : eventId;
}

/** The event id in a `Nats-Msg-Id` written by `messageIdFor`. */
export function eventIdOfMessageId(messageId: string): string {
  const tab = messageId.indexOf('\t');
  return tab < 0 ? messageId : messageId.slice(0, tab);
}

/** The id of the event a stored message was published with (from its `Nats-Msg-Id` header). */
export function eventIdOf(message: StoredMsg): string | undefined {
  const id = message.header?.get('Nats-Msg-Id');
  return id === undefined || id === '' ? undefined : eventIdOfMessageId(id);
}
