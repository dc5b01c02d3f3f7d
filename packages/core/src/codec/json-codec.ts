import { ValidationError } from '../errors/validation-error.js';
import type { Event } from '../event.js';
import { type EventRecord, eventFromRecord, recordFromParsedJson } from '../validation/validate-event.js';
import { eventJson } from './event-json.js';
import { utf8 } from './utf8.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The wire form of an event: JSON with the timestamp as an ISO-8601 string, the same text
 * `JSON.stringify(event)` gives for a validated event.
 */
export function encodeEvent(event: Event): Uint8Array {
  return utf8(eventJson(event));
}

/**
 * Decodes and validates bytes written by `encodeEvent` into a deeply frozen event. Throws
 * `ValidationError` for bytes that are not UTF-8 JSON of a valid event; stores turn that into a
 * `ReplayError`.
 */
export function decodeEvent(bytes: Uint8Array): Event {
  return Object.freeze(eventFromRecord(decodeEventRecord(bytes)));
}

/** `decodeEvent` into the compact `EventRecord` a store keeps (see `validateEventRecord`). */
export function decodeEventRecord(bytes: Uint8Array): EventRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(bytes));
  } catch (cause) {
    throw new ValidationError('event', 'is not UTF-8 JSON', { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ValidationError('event', 'is not a JSON object');
  }
  return recordFromParsedJson(parsed);
}
