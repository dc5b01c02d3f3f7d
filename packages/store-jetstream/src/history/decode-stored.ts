import { type Event, ReplayError, ValidationError } from '@aether/core';
import { decodeEvents } from '@aether/core/adapter';
import { copyBytes } from './copy-bytes.js';

/**
 * Decodes one stored message of `actorId`'s subject: one event, or the events saved together by
 * one `saveEvents` (in version order). Anything that is not that (garbage bytes, wrong JSON shape,
 * a missing field, an event of another actor, a batch that is not consecutive) becomes a
 * `ReplayError` for the whole message, with the stream sequence and a copy of the raw bytes;
 * nothing throws.
 */
export function decodeStored(data: Uint8Array, seq: number, actorId: string): Event[] | ReplayError {
  try {
    const events = decodeEvents(data);
    const foreign = events.find((event) => event.actorId !== actorId);
    if (foreign !== undefined) {
      throw new ValidationError(
        'actorId',
        `is ${JSON.stringify(foreign.actorId)}, but the message is stored under actor ${JSON.stringify(actorId)}`,
      );
    }
    return events;
  } catch (cause) {
    return new ReplayError({ sequenceNumber: seq, rawData: copyBytes(data), cause });
  }
}
