import { ValidationError } from '../errors/validation-error.js';
import type { Event } from '../event.js';
import { requireEventId } from './event-id.js';
import { encodedBoundOfFields, MAX_EVENT_BYTES, METADATA_BOUND, requireEncodedSize } from './event-size.js';
import { freezeJsonObject, type JsonWalk, kindOf, lastWalkEncodedBound } from './freeze-json.js';
import { requireText } from './require-text.js';

/**
 * A validated event in the compact form a store keeps: `data` and `metadata` deeply frozen, the
 * instant as epoch milliseconds (a Date costs about 120 bytes and stays mutable even when frozen).
 * Turn it back into an `Event` with `eventFromRecord`, which hands out a fresh Date.
 */
export interface EventRecord {
  readonly id: string;
  readonly eventType: string;
  readonly actorId: string;
  readonly version: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly time: number;
  readonly metadata: Readonly<Record<string, string>> | undefined;
}

/**
 * Checks every field of an event and returns the compact record a store keeps, copied so that
 * later changes to the caller's object never reach stored history. Throws `ValidationError`
 * naming the first bad field. Runs on every append, so it copies in one walk and nothing more.
 */
export function validateEventRecord(event: unknown): EventRecord;
/**
 * The same checks, writing the record's fields into `into` (and returning it) instead of a new
 * object: for a store that copies the fields elsewhere at once, it saves an allocation per append.
 * `into` is only complete when the call returns; after a throw its fields are meaningless.
 */
export function validateEventRecord<Draft extends EventRecordDraft>(event: unknown, into: Draft): Draft;
export function validateEventRecord(event: unknown, into?: EventRecordDraft): EventRecord {
  return buildRecord(event, requireTime, 'copy', into);
}

/**
 * `validateEventRecord`'s checks (the same errors, in the same order) without copying or freezing
 * anything: the record's `data` and `metadata` are the caller's own objects. Only for a caller
 * that encodes the event at once and keeps nothing, such as a bus publishing to other processes.
 * Object properties whose value is `undefined` pass, as JSON.stringify leaves them out.
 */
export function checkEventRecord(event: unknown): EventRecord {
  return buildRecord(event, requireTime, 'check');
}

/** A reusable, writable `EventRecord` for `validateEventRecord(event, into)`. */
export type EventRecordDraft = { -readonly [Field in keyof EventRecord]: EventRecord[Field] };

/** An empty draft to fill with `validateEventRecord(event, into)`. */
export function newEventRecordDraft(): EventRecordDraft {
  return { id: '', eventType: '', actorId: '', version: 0, data: {}, time: 0, metadata: undefined };
}

/**
 * The record of an event freshly parsed from JSON (the codec's job): the timestamp is ISO-8601
 * text, and the parsed objects belong to nobody else, so they are checked and frozen in place
 * instead of copied.
 */
export function recordFromParsedJson(parsed: unknown): EventRecord {
  return buildRecord(parsed, requireIsoTime, 'adopt');
}

function buildRecord(
  event: unknown,
  timeOf: (value: unknown, field: string) => number,
  walk: JsonWalk,
  into?: EventRecordDraft,
): EventRecord {
  if (typeof event !== 'object' || event === null) {
    throw new ValidationError('event', `must be an object, got ${kindOf(event)}`);
  }
  const candidate = event as Record<string, unknown>;
  // A record that is only checked is not kept: its strings need no flattening.
  const keep = walk !== 'check';
  const id = requireEventId(candidate.id); // flat already: see requireEventId
  const eventType = keepText(requireText(candidate.eventType, 'eventType'), keep);
  const actorId = keepText(requireText(candidate.actorId, 'actorId'), keep);
  const version = requireVersion(candidate.version, 'version');
  const time = timeOf(candidate.timestamp, 'timestamp');
  const data = freezeJsonObject(candidate.data, 'data', walk);
  // The size is bounded from what the walks counted; only an event near the limit is encoded.
  let bound = encodedBoundOfFields(id, eventType, actorId) + lastWalkEncodedBound();
  let metadata: EventRecord['metadata'];
  if (candidate.metadata !== undefined) {
    metadata = requireMetadata(candidate.metadata, walk);
    bound += METADATA_BOUND + lastWalkEncodedBound();
  }
  if (bound > MAX_EVENT_BYTES) {
    requireEncodedSize(eventFromRecord({ id, eventType, actorId, version, time, data, metadata }));
  }
  lastBound = bound;
  if (into === undefined) return { id, eventType, actorId, version, time, data, metadata };
  into.id = id;
  into.eventType = eventType;
  into.actorId = actorId;
  into.version = version;
  into.time = time;
  into.data = data;
  into.metadata = metadata;
  return into;
}

// The upper bound of the encoded size of the event the last call of buildRecord checked.
let lastBound = 0;

/**
 * An upper bound of the bytes of `encodeEvent`'s JSON of the event the last `validateEventRecord`
 * (or `checkEventRecord`) call accepted: what a batch's size check adds up.
 */
export function lastRecordEncodedBound(): number {
  return lastBound;
}

/** A new `Event` from a record, with its own Date: nothing a caller does to it reaches the record. */
export function eventFromRecord(record: EventRecord): Event {
  const { id, eventType, actorId, version, data, metadata } = record;
  const timestamp = new Date(record.time);
  return metadata === undefined
    ? { id, eventType, actorId, version, data, timestamp }
    : { id, eventType, actorId, version, data, timestamp, metadata };
}

/**
 * Checks every field of an event and returns a deeply frozen copy of it (with its own Date).
 * Throws `ValidationError` naming the first bad field. Every store and bus calls this, or
 * `validateEventRecord`, before writing anything.
 */
export function validateEvent(event: unknown): Event {
  return Object.freeze(eventFromRecord(validateEventRecord(event)));
}

// Ids built by concatenation (crypto.randomUUID() among them) are rope strings that V8 keeps as
// their pieces, several hundred bytes each; reading a character flattens them into one compact
// string before a store holds on to them for good.
function keepText(text: string, keep: boolean): string {
  if (keep) text.charCodeAt(0);
  return text;
}

/** A safe integer >= 1, or `ValidationError` naming `field`. */
export function requireVersion(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(field, `must be a safe integer >= 1, got ${String(value)}`);
  }
  return value;
}

/** A fresh Date with the same instant: Date objects stay mutable even when frozen. */
export function requireDate(value: unknown, field: string): Date {
  return new Date(requireTime(value, field));
}

// Date.prototype.getTime reads the internal time slot: it accepts a Date from another realm and
// throws for an impostor (say, an object whose Symbol.toStringTag is 'Date').
function requireTime(value: unknown, field: string): number {
  let time: number;
  try {
    time = Date.prototype.getTime.call(value);
  } catch {
    throw new ValidationError(field, `must be a Date, got ${kindOf(value)}`);
  }
  if (Number.isNaN(time)) throw new ValidationError(field, 'is an invalid Date');
  return time;
}

function requireIsoTime(value: unknown, field: string): number {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw new ValidationError(field, 'must be an ISO-8601 string');
  return time;
}

/**
 * Checks that `value` is a plain JSON object of strings (see `freezeJsonObject`) and returns it
 * copied, frozen in place or as it is, by `walk`. Throws `ValidationError` naming the bad entry.
 */
export function requireMetadata(value: unknown, walk: JsonWalk = 'copy'): Readonly<Record<string, string>> {
  const copy = freezeJsonObject(value, 'metadata', walk);
  // Object.keys, not Object.entries: this runs for every event with metadata, and entries makes an
  // array per pair.
  const keys = Object.keys(copy);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    const item = copy[key];
    // Only a checked object (not a copy) can still hold undefined values: JSON leaves them out.
    if (item !== undefined && typeof item !== 'string')
      throw new ValidationError(`metadata.${key}`, `must be a string, got ${kindOf(item)}`);
  }
  return copy as Readonly<Record<string, string>>;
}
