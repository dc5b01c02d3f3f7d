import { ValidationError } from '../errors/validation-error.js';
import type { Event } from '../event.js';
import { eventFromRecord, recordFromParsedJson } from '../validation/validate-event.js';
import { eventJson } from './event-json.js';
import { utf8 } from './utf8.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The wire form of the events saved together (one `saveEvents` call, checked by `validateBatch`):
 * one event is `encodeEvent`'s JSON object, as before batches existed, so a single save reads the
 * same for every reader; several are a JSON array of those objects, in version order.
 */
export function encodeEvents(events: readonly Event[]): Uint8Array {
  if (events.length === 1) return utf8(eventJson(events[0] as Event));
  let json = '[';
  for (let index = 0; index < events.length; index++) {
    if (index > 0) json += ',';
    json += eventJson(events[index] as Event);
  }
  return utf8(`${json}]`);
}

/**
 * Decodes what `encodeEvents` wrote into deeply frozen events: one for an object, all of them for
 * an array, which must hold events of one actor at consecutive versions. Throws `ValidationError`
 * for anything else; stores turn that into a `ReplayError` for the whole message.
 */
export function decodeEvents(bytes: Uint8Array): Event[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(bytes));
  } catch (cause) {
    throw new ValidationError('event', 'is not UTF-8 JSON', { cause });
  }
  if (!Array.isArray(parsed)) {
    if (typeof parsed !== 'object' || parsed === null)
      throw new ValidationError('event', 'is not a JSON object');
    return [Object.freeze(eventFromRecord(recordFromParsedJson(parsed)))];
  }
  if (parsed.length === 0) throw new ValidationError('events', 'is an empty array');
  const events: Event[] = [];
  for (let index = 0; index < parsed.length; index++) {
    const item: unknown = parsed[index];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new ValidationError(`events[${index}]`, 'is not a JSON object');
    }
    const event = Object.freeze(eventFromRecord(recordFromParsedJson(item)));
    const first = events[0];
    if (first !== undefined && (event.actorId !== first.actorId || event.version !== first.version + index)) {
      throw new ValidationError(
        `events[${index}]`,
        `is version ${event.version} of ${JSON.stringify(event.actorId)}: a batch holds consecutive versions of one actor`,
      );
    }
    events.push(event);
  }
  return events;
}
