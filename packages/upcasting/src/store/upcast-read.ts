import { type AnyEvent, type Event, ReplayError } from '@aether/core';
import { encodeEvent } from '@aether/core/adapter';
import type { Upcasters } from '../chain/define-upcasters.js';
import { findUpcastingError } from '../errors/upcasting-error.js';

/**
 * A stored event in its current shape, or the `ReplayError` that reports why it cannot be: what
 * every read path of the wrapper does with each event it reads.
 *
 * `sequenceNumber` is the event's position where the read knows it (`readAll`, `subscribe`); an
 * actor read (`getEventsWithErrors`) has none and reports 0, and the `UpcastingError` in `cause`
 * names the event by id, actor and version. `rawData` is the event as the store returned it, as
 * JSON.
 */
export function upcastRead(upcasters: Upcasters, event: Event, position: number): Event | ReplayError {
  try {
    return upcasters.upcast(event);
  } catch (cause) {
    // Only what upcasting reports becomes a ReplayError; anything else is a bug to surface.
    if (findUpcastingError(cause) === undefined) throw cause;
    return new ReplayError({ sequenceNumber: position, rawData: encodeEvent(event), cause });
  }
}

/** `upcastRead` over an actor's events: the ones in current shape, and errors for the others. */
export function upcastAll(
  upcasters: Upcasters,
  events: readonly AnyEvent[],
): { events: Event[]; errors: ReplayError[] } {
  const read: Event[] = [];
  const errors: ReplayError[] = [];
  for (const event of events) {
    const upcasted = upcastRead(upcasters, event as Event, 0);
    if (upcasted instanceof ReplayError) errors.push(upcasted);
    else read.push(upcasted);
  }
  return { events: read, errors };
}
