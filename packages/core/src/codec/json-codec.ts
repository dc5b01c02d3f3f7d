import { ValidationError } from '../errors/validation-error.js';
import type { Event } from '../event.js';
import { validateEvent } from '../validation/validate-event.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The wire form of an event: JSON with the timestamp as an ISO-8601 string. */
export function encodeEvent(event: Event): Uint8Array {
  return encoder.encode(JSON.stringify(event));
}

/**
 * Decodes and validates bytes written by `encodeEvent`. Throws `ValidationError` for bytes that
 * are not UTF-8 JSON of a valid event; stores turn that into a `ReplayError`.
 */
export function decodeEvent(bytes: Uint8Array): Event {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(bytes));
  } catch (cause) {
    throw new ValidationError('event', 'is not UTF-8 JSON', { cause });
  }
  if (typeof parsed !== 'object' || parsed === null)
    throw new ValidationError('event', 'is not a JSON object');
  const record = parsed as Record<string, unknown>;
  if (typeof record.timestamp !== 'string')
    throw new ValidationError('timestamp', 'must be an ISO-8601 string');
  return validateEvent({ ...record, timestamp: new Date(record.timestamp) });
}
