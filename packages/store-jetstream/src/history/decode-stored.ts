import { type Event, ReplayError, ValidationError } from '@aether/core';
import { decodeEvent } from '@aether/core/adapter';
import { copyBytes } from './copy-bytes.js';

/**
 * Decodes one stored message of `actorId`'s subject. Anything that is not a valid event of that
 * actor (garbage bytes, wrong JSON shape, a missing field, an event of another actor) becomes a
 * `ReplayError` with the stream sequence and a copy of the raw bytes; nothing throws.
 */
export function decodeStored(data: Uint8Array, seq: number, actorId: string): Event | ReplayError {
  try {
    const event = decodeEvent(data);
    if (event.actorId !== actorId) {
      throw new ValidationError(
        'actorId',
        `is ${JSON.stringify(event.actorId)}, but the message is stored under actor ${JSON.stringify(actorId)}`,
      );
    }
    return event;
  } catch (cause) {
    return new ReplayError({ sequenceNumber: seq, rawData: copyBytes(data), cause });
  }
}
