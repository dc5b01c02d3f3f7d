import { eventJson } from '../codec/event-json.js';
import { utf8Length } from '../codec/utf8.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Event } from '../event.js';
import { stringBound } from './json-bound.js';

/**
 * The largest event, in bytes of its JSON encoding (`encodeEvent`): 1,000,000. Every store and
 * bus refuses a larger one before writing anything, so an event one accepts fits every other
 * (and a NATS server's default `max_payload` of 1 MiB with room for headers).
 */
export const MAX_EVENT_BYTES = 1_000_000;

// encodeEvent's text around the values, with the longest version (16 digits of a safe integer)
// and the longest ISO-8601 timestamp (27 characters, `+275760-09-13T00:00:00.000Z`).
const frameBound = '{"id":,"eventType":,"actorId":,"version":,"data":,"timestamp":""}'.length + 16 + 27;

/** `,"metadata":` before the metadata's own JSON. */
export const METADATA_BOUND = ',"metadata":'.length;

/** An upper bound of the encoded event without `data` and `metadata` (see json-bound.ts). */
export function encodedBoundOfFields(id: string, eventType: string, actorId: string): number {
  return frameBound + stringBound(id) + stringBound(eventType) + stringBound(actorId);
}

/**
 * Encodes the event to measure it exactly: only for one whose upper bound passed
 * `MAX_EVENT_BYTES`, since the bound may count an escape for every character. Throws
 * `ValidationError` on `event` when the encoding is larger than the limit.
 */
export function requireEncodedSize(event: Event): void {
  const bytes = utf8Length(eventJson(event));
  if (bytes > MAX_EVENT_BYTES) {
    throw new ValidationError(
      'event',
      `encodes to ${bytes} bytes of JSON, more than the ${MAX_EVENT_BYTES} an event may have (MAX_EVENT_BYTES); keep large data elsewhere and store a reference to it`,
    );
  }
}
