import type { Event } from '@aether/core';
import type { EventRecord } from '@aether/core/adapter';

// The event's time, on the stored object but out of sight: not enumerable, so `Object.keys`,
// spreads, `JSON.stringify` and deep equality see exactly an `Event`'s fields.
const time = Symbol('time');

// How the time is kept. V8 stores a small integer in the object itself but any other number in a
// 16-byte box of its own (and once one field holds such a number, every object of that shape
// gets a box). Epoch milliseconds are too large, so the time is kept as its distance from when
// this module loaded, a small integer for events stamped within about 12 days of it; any other
// time is kept as a BigInt, which is not a number, so the field stays unboxed for the rest.
const base = Date.now();
const smallRange = 2 ** 30 - 1;

function keptTime(epochMs: number): number | bigint {
  const offset = epochMs - base;
  // `| 0` makes the (integral) difference of two doubles an integer V8 keeps unboxed.
  return offset >= -smallRange && offset <= smallRange ? offset | 0 : BigInt(epochMs);
}

type Stored = Event & { readonly [time]: number | bigint };

// What the constructor writes before it freezes the object.
type Unfrozen = { -readonly [Field in keyof Stored]: Stored[Field] };

// A `Date` cannot be frozen (`setTime` writes an internal slot), so a stored event has none:
// every read of `timestamp` makes a new one, and changing it cannot reach what is kept.
function readTimestamp(this: Stored): Date {
  const kept = this[time];
  return new Date(typeof kept === 'number' ? base + kept : Number(kept));
}

const timestamp: PropertyDescriptor = { get: readTimestamp, enumerable: true };
const hidden: PropertyDescriptor = { value: 0, writable: true };

interface StoredEventConstructor {
  new (record: EventRecord): Event;
}

// A constructor function rather than a literal: V8 then lays every stored event out with all its
// fields in the object itself, one shared shape (two with metadata). Its prototype is
// Object.prototype, so a stored event is a plain object (`constructor === Object`), as the events
// callers save are.
const StoredEvent = function StoredEvent(this: Unfrozen, record: EventRecord) {
  this.id = record.id;
  this.eventType = record.eventType;
  this.actorId = record.actorId;
  this.version = record.version;
  this.data = record.data;
  Object.defineProperty(this, 'timestamp', timestamp);
  if (record.metadata !== undefined) this.metadata = record.metadata;
  Object.defineProperty(this, time, hidden);
  this[time] = keptTime(record.time);
  Object.freeze(this);
} as unknown as StoredEventConstructor;
StoredEvent.prototype = Object.prototype;

/**
 * The one object a store keeps for a validated record and hands out on every read: frozen, its
 * `data` and `metadata` deeply frozen by validation, its `timestamp` a new `Date` at each access.
 * Sharing it is what makes a read a copy of an array of references, not a rebuild of each event.
 */
export function storedEvent(record: EventRecord): Event {
  return new StoredEvent(record);
}
