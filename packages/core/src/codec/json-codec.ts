import { ValidationError } from '../errors/validation-error.js';
import type { Event } from '../event.js';
import { type EventRecord, eventFromRecord, recordFromParsedJson } from '../validation/validate-event.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The wire form of an event: JSON with the timestamp as an ISO-8601 string, the same text
 * `JSON.stringify(event)` gives for a validated event.
 */
export function encodeEvent(event: Event): Uint8Array {
  // Assembled by hand: JSON.stringify takes its slow, generic path for the event itself (a frozen
  // object holding a Date), several times slower than for the plain data inside it. This runs
  // once per append and once per bus message.
  let json =
    `{"id":${JSON.stringify(event.id)},"eventType":${JSON.stringify(event.eventType)},` +
    `"actorId":${JSON.stringify(event.actorId)},"version":${event.version},` +
    `"data":${JSON.stringify(event.data)},"timestamp":"${event.timestamp.toISOString()}"`;
  if (event.metadata !== undefined) json += `,"metadata":${JSON.stringify(event.metadata)}`;
  return utf8(`${json}}`);
}

// Node's Buffer encodes UTF-8 several times faster than TextEncoder; a Buffer is a Uint8Array.
const nodeBuffer = (globalThis as { Buffer?: { from(text: string, encoding: 'utf8'): Uint8Array } }).Buffer;
const utf8: (text: string) => Uint8Array =
  nodeBuffer === undefined ? (text) => encoder.encode(text) : (text) => nodeBuffer.from(text, 'utf8');

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
