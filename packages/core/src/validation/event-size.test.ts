import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeEvent } from '../codec/json-codec.js';
import type { Event } from '../event.js';
import { encodedBoundOfFields, MAX_EVENT_BYTES, METADATA_BOUND } from './event-size.js';
import { freezeJsonObject, lastWalkEncodedBound } from './freeze-json.js';
import { CONTAINER_BOUND, keyBound, LITERAL_BOUND, NUMBER_BOUND, stringBound } from './json-bound.js';
import { checkEventRecord, validateEvent, validateEventRecord } from './validate-event.js';

const base = { id: 'evt-1', eventType: 'BlobAdded', actorId: 'blob-1', version: 1, timestamp: new Date(0) };

const nasty = fc.constantFrom(
  'x',
  'é',
  '€',
  '😀',
  '\u0000',
  '\u001f',
  '"',
  '\\',
  '\n',
  '\ud800',
  '\udfff',
  '\u2028',
  '\u007f',
);
const text = fc.string({
  maxLength: 20,
  unit: fc.oneof(
    nasty,
    fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
  ),
});
const key = text.filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(-0.0000012345678901234567, -Number.MAX_VALUE, -Number.MIN_VALUE, -1e21, -1e-7, -0),
);

const exactBytes = (event: Event) => encodeEvent(event).length;

/**
 * An event whose encoding is exactly `target` bytes, most of them `filler` repeated in data (or in
 * metadata), the rest ASCII padding.
 */
function eventOfSize(filler: string, target: number, where: 'data' | 'metadata' = 'data'): Event {
  const make = (copies: number, padding: number): Event => {
    const fields = { blob: filler.repeat(copies), pad: 'p'.repeat(padding) };
    return where === 'data' ? { ...base, data: fields } : { ...base, data: {}, metadata: fields };
  };
  const empty = exactBytes(make(0, 0));
  const perCopy = exactBytes(make(1, 0)) - empty;
  const copies = Math.floor((target - empty) / perCopy);
  const event = make(copies, target - exactBytes(make(copies, 0)));
  expect(exactBytes(event)).toBe(target);
  return event;
}

/** The same for numbers (`value` repeated in an array) or literals, whose JSON text the bound counts tightly. */
function eventOfValues(value: number | boolean | null, target: number): Event {
  const make = (copies: number, padding: number): Event => ({
    ...base,
    data: { list: new Array(copies).fill(value), pad: 'p'.repeat(padding) },
  });
  const empty = exactBytes(make(0, 0));
  const perCopy = exactBytes(make(2, 0)) - exactBytes(make(1, 0));
  const copies = Math.floor((target - empty) / perCopy);
  const event = make(copies, target - exactBytes(make(copies, 0)));
  expect(exactBytes(event)).toBe(target);
  return event;
}

const fillers: [string, string][] = [
  ['ASCII', 'x'],
  ['two-byte UTF-8', 'é'],
  ['three-byte UTF-8', '€'],
  ['surrogate pairs', '😀'],
  ['control characters escaped as \\u0001', '\u0001'],
  ['quotes escaped as \\"', '"'],
  ['backslashes', '\\'],
  ['newlines escaped as \\n', '\n'],
  ['lone surrogates escaped as \\ud800', '\ud800'],
  ['line separators, written unescaped', '\u2028'],
  ['a mix of all of them', 'xé€😀\u0001"\\\n\ud800\u2028'],
];

// Events of a megabyte each: generous timeouts for a loaded machine.
describe('MAX_EVENT_BYTES', { timeout: 30_000 }, () => {
  it('is 1,000,000 bytes of encoded JSON', () => {
    expect(MAX_EVENT_BYTES).toBe(1_000_000);
  });

  it.each(fillers)('accepts an event of exactly the limit made of %s', (_case, filler) => {
    const event = eventOfSize(filler, MAX_EVENT_BYTES);
    expect(validateEvent(event)).toEqual(event);
    expect(() => checkEventRecord(event)).not.toThrow();
  });

  it.each(fillers)('refuses an event one byte over the limit made of %s', (_case, filler) => {
    const event = eventOfSize(filler, MAX_EVENT_BYTES + 1);
    for (const check of [validateEvent, validateEventRecord, checkEventRecord]) {
      expect(() => check(event)).toThrow(
        expect.objectContaining({
          field: 'event',
          message:
            'invalid event: encodes to 1000001 bytes of JSON, more than the 1000000 an event may have ' +
            '(MAX_EVENT_BYTES); keep large data elsewhere and store a reference to it',
        }),
      );
    }
  });

  it('counts metadata: refuses one byte over and accepts the limit when metadata holds the bulk', () => {
    expect(() => validateEvent(eventOfSize('\u0001', MAX_EVENT_BYTES, 'metadata'))).not.toThrow();
    expect(() => validateEvent(eventOfSize('\u0001', MAX_EVENT_BYTES + 1, 'metadata'))).toThrow(
      'encodes to 1000001 bytes',
    );
  });

  it.each([
    ['the longest number text', -0.0000012345678901234567],
    ['false', false],
    ['null', null],
  ])('refuses one byte over and accepts the limit made of %s', (_case, value) => {
    expect(() => validateEvent(eventOfValues(value, MAX_EVENT_BYTES))).not.toThrow();
    expect(() => validateEvent(eventOfValues(value, MAX_EVENT_BYTES + 1))).toThrow('encodes to 1000001');
  });
});

describe('the size check', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('encodes nothing for an event whose upper bound is under the limit', () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    validateEventRecord({ ...base, data: { blob: '€'.repeat(150_000), list: [1, 2, 3] } });
    expect(stringify).not.toHaveBeenCalled();
  });

  it('encodes an event whose upper bound passes the limit, to measure it exactly', () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    validateEventRecord({ ...base, data: { blob: 'x'.repeat(200_000) } });
    expect(stringify).toHaveBeenCalled();
  });

  // What the walks count must never be less than what encodeEvent writes, or an event over the
  // limit could pass without being encoded: piece by piece, and for whole events.
  it('bounds the JSON of every string and key from above (property)', () => {
    fc.assert(
      fc.property(text, (value) => {
        const bytes = Buffer.byteLength(JSON.stringify(value));
        expect(stringBound(value)).toBeGreaterThanOrEqual(bytes);
        expect(keyBound(value)).toBeGreaterThanOrEqual(bytes + ':,'.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('bounds the JSON of every finite number and literal from above (property)', () => {
    fc.assert(
      fc.property(number, (value) => {
        expect(NUMBER_BOUND).toBeGreaterThanOrEqual(JSON.stringify(value).length);
      }),
      { numRuns: 2000 },
    );
    expect(JSON.stringify(-0.0000012345678901234567)).toHaveLength(NUMBER_BOUND);
    for (const literal of [true, false, null]) {
      expect(LITERAL_BOUND).toBeGreaterThanOrEqual(JSON.stringify(literal).length);
    }
  });

  it('counts the text around the fields exactly: the longest version and timestamp, with and without metadata', () => {
    for (const time of [-8.64e15, 8.64e15]) {
      for (const metadata of [undefined, {}]) {
        const event = {
          id: '',
          eventType: '',
          actorId: '',
          version: Number.MAX_SAFE_INTEGER,
          timestamp: new Date(time),
          data: {},
          metadata,
        };
        let bound = encodedBoundOfFields('', '', '') + CONTAINER_BOUND;
        if (metadata !== undefined) bound += METADATA_BOUND + CONTAINER_BOUND;
        expect(bound).toBe(exactBytes(event));
      }
    }
  });

  it('bounds an object of escaped keys and the longest numbers within a byte: the last comma', () => {
    const longest = -0.0000012345678901234567;
    const data = { '\u0000': longest, '\u0001': longest, '\u0002': longest };
    freezeJsonObject(data, 'data', 'check');
    const exact = Buffer.byteLength(JSON.stringify(data));
    expect(lastWalkEncodedBound()).toBe(exact + 1);
  });

  it('bounds the encoding from above for any event (property)', () => {
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, true, false, undefined),
        number,
        text,
        fc.array(
          tie('value').filter((item) => item !== undefined),
          { maxLength: 5 },
        ),
        fc.dictionary(key, tie('value'), { maxKeys: 5 }),
      ),
    }));
    fc.assert(
      fc.property(
        text,
        text,
        text,
        fc.oneof(fc.integer({ min: 1 }), fc.constant(Number.MAX_SAFE_INTEGER)),
        fc.oneof(fc.date({ noInvalidDate: true }), fc.constantFrom(new Date(-8.64e15), new Date(8.64e15))),
        fc.dictionary(key, value, { maxKeys: 6 }),
        fc.option(fc.dictionary(key, text, { maxKeys: 4 }), { nil: undefined }),
        (id, eventType, actorId, version, timestamp, data, metadata) => {
          let bound = encodedBoundOfFields(id, eventType, actorId);
          freezeJsonObject(data, 'data', 'check');
          bound += lastWalkEncodedBound();
          if (metadata !== undefined) {
            freezeJsonObject(metadata, 'metadata', 'check');
            bound += METADATA_BOUND + lastWalkEncodedBound();
          }
          const event = { id, eventType, actorId, version, timestamp, data, metadata };
          expect(bound).toBeGreaterThanOrEqual(exactBytes(event));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
