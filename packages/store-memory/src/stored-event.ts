import type { Event } from '@aether/core';
import type { EventRecord } from '@aether/core/adapter';
import { type UuidWords, uuidText, uuidWords } from './uuid-words.js';

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

// A base class whose constructor returns the object it is given: a subclass's private fields are
// then added to that object, whatever made it.
class Returning {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: returning the target is the point
    return target;
  }
}

// What the next Hidden takes (see Hidden.add): its fields are initialised from these, so each is
// written once.
const words: UuidWords = [0, 0, 0, 0, 0];
let nextId: string | number = 0;
let nextTime: number | bigint = 0;

/**
 * What a stored event keeps out of sight, in private fields: invisible to `Object.keys`,
 * `Reflect.ownKeys`, spreads, `JSON.stringify` and deep equality, so those see exactly an
 * `Event`'s fields, and cheaper to add than a non-enumerable property (Object.defineProperty
 * costs an append more than 100 ns). The id is kept as the five words of a UUID (see UuidWords)
 * or, for any other id, as the string in the first; the time as keptTime makes it.
 */
class Hidden extends Returning {
  #id: string | number = nextId;
  #w1 = words[1];
  #w2 = words[2];
  #w3 = words[3];
  #w4 = words[4];
  #time: number | bigint = nextTime;

  /** Adds the hidden fields of `record` to `event`. */
  static add(event: object, record: EventRecord): void {
    if (uuidWords(record.id, words)) nextId = words[0];
    else {
      nextId = record.id;
      words[1] = words[2] = words[3] = words[4] = 0;
    }
    nextTime = keptTime(record.time);
    new Hidden(event);
  }

  static id(event: Hidden): string {
    const id = event.#id;
    return typeof id === 'string' ? id : uuidText(id, event.#w1, event.#w2, event.#w3, event.#w4);
  }

  static timestamp(event: Hidden): Date {
    const kept = event.#time;
    return new Date(typeof kept === 'number' ? base + kept : Number(kept));
  }
}

// The accessors are the same two functions on every stored event: V8 keeps them in the shared
// shape, not in each object.
function readId(this: Hidden): string {
  return Hidden.id(this);
}

// A `Date` cannot be frozen (`setTime` writes an internal slot), so a stored event has none:
// every read of `timestamp` makes a new one, and changing it cannot reach what is kept.
function readTimestamp(this: Hidden): Date {
  return Hidden.timestamp(this);
}

// Annex B's `__defineGetter__` defines an enumerable, configurable getter, and Object.freeze then
// makes it non-configurable: the property Object.defineProperty would make, about 25 ns cheaper
// per call on Node 20 because there is no descriptor object to read. Taken once, at load, so that
// later changes to Object.prototype cannot reach it.
const defineGetter = (Object.prototype as unknown as LegacyAccessors).__defineGetter__;

interface LegacyAccessors {
  __defineGetter__(this: object, key: string, get: (this: Hidden) => unknown): void;
}

// What the constructor writes before it freezes the object.
type Unfrozen = { -readonly [Field in keyof Event]: Event[Field] };

interface StoredEventConstructor {
  new (record: EventRecord): Event;
}

// A constructor function rather than a literal: V8 then lays every stored event out with all its
// fields in the object itself, one shared shape (two with metadata). Its prototype is
// Object.prototype, so a stored event is a plain object (`constructor === Object`), as the events
// callers save are. The fields are defined in an Event's order, which `Object.keys` follows.
const StoredEvent = function StoredEvent(this: Unfrozen, record: EventRecord) {
  defineGetter.call(this, 'id', readId);
  this.eventType = record.eventType;
  this.actorId = record.actorId;
  this.version = record.version;
  this.data = record.data;
  defineGetter.call(this, 'timestamp', readTimestamp);
  if (record.metadata !== undefined) this.metadata = record.metadata;
  Hidden.add(this, record);
  Object.freeze(this);
} as unknown as StoredEventConstructor;
StoredEvent.prototype = Object.prototype;

/**
 * The one object a store keeps for a validated record and hands out on every read: frozen, its
 * `data` and `metadata` deeply frozen by validation, its `id` and `timestamp` accessors (a UUID id
 * is kept as numbers and written out at each access, `timestamp` a new `Date` at each access).
 * Sharing it is what makes a read a copy of an array of references, not a rebuild of each event.
 */
export function storedEvent(record: EventRecord): Event {
  const shape = record.metadata === undefined ? 0 : 1;
  if (shapeKeepers[shape] === undefined) shapeKeepers[shape] = new StoredEvent(neutral(record));
  return new StoredEvent(record);
}

// V8's optimised code holds the shapes (maps) of the objects it builds only weakly: once no stored
// event of a shape is alive (every store that held one dropped, as tests and benchmarks drop their
// stores), a full GC clears the shape and discards the compiled append path of every store, which
// then starts again in the interpreter. So the first time a shape is made (an event without
// metadata, one with), a neutral event of that shape is kept for the life of the module. It is
// made from the application's own first record, not at load: V8 sizes every stored event by the
// first few made, which must be the application's.
const shapeKeepers: [Event | undefined, Event | undefined] = [undefined, undefined];
const empty = Object.freeze({});

// The same shape as `record` (the same kind of id and time), holding none of its data.
function neutral(record: EventRecord): EventRecord {
  return { ...record, data: empty, metadata: record.metadata === undefined ? undefined : empty };
}
