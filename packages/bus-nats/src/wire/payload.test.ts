import { validateEvent } from '@aether/core';
import { checkEventRecord, eventFromRecord, requireEventId } from '@aether/core/adapter';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handMadePayload } from '../test-support/payloads.js';
import { decodePayload } from './decode-payload.js';
import { PayloadEncoder } from './encode-payload.js';
import {
  FLAG_ACTOR_ID,
  FLAG_EVENT_TYPE,
  FLAG_METADATA,
  HEADER_BYTES,
  PAYLOAD_FORMAT,
} from './payload-format.js';

const anyString = fc.string({ minLength: 1, maxLength: 40, unit: 'binary' });
const refusedKeys = ['__proto__', 'constructor', 'prototype'];
const safeKey = fc.string({ unit: 'binary' }).filter((key) => !refusedKeys.includes(key));
// fc.jsonValue writes `__proto__` and the like as keys at any depth, on purpose: leave those out,
// they are refused (another test covers that), and this property is about what gets through.
const hasOnlySafeKeys = (value: unknown): boolean =>
  typeof value !== 'object' || value === null
    ? true
    : Array.isArray(value)
      ? value.every(hasOnlySafeKeys)
      : Object.keys(value).every(
          (key) => !refusedKeys.includes(key) && hasOnlySafeKeys((value as Record<string, unknown>)[key]),
        );
const jsonObject = fc
  .dictionary(safeKey, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })
  .filter(hasOnlySafeKeys);
const isEventId = (text: string): boolean => {
  try {
    return requireEventId(text) === text;
  } catch {
    return false;
  }
};
const anyEvent = fc.record(
  {
    id: anyString.filter(isEventId),
    eventType: anyString,
    actorId: anyString,
    version: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    data: jsonObject,
    timestamp: fc.date({ noInvalidDate: true }),
    metadata: fc.dictionary(safeKey, anyString, { maxKeys: 3 }),
  },
  { requiredKeys: ['id', 'eventType', 'actorId', 'version', 'data', 'timestamp'] },
);

/** What a receiving bus rebuilds from a payload, given the type and actor its subject names. */
function roundTrip(input: unknown, carryTypeAndActor = false, encoder = new PayloadEncoder()) {
  const checked = checkEventRecord(input);
  const decoded = decodePayload(encoder.encode(checked, carryTypeAndActor, carryTypeAndActor));
  const { id, version, data, metadata } = decoded;
  const eventType = decoded.eventType ?? checked.eventType;
  const actorId = decoded.actorId ?? checked.actorId;
  return {
    decoded,
    event: eventFromRecord({ id, eventType, actorId, version, data, time: decoded.time, metadata }),
  };
}

function refusal(payload: Uint8Array): Error & { field?: string } {
  try {
    decodePayload(payload);
  } catch (err) {
    expect(err).toMatchObject({ code: 'VALIDATION_ERROR' });
    return err as Error & { field?: string };
  }
  throw new Error('decodePayload accepted a malformed payload');
}

describe('payload format 1', () => {
  it('gives back exactly what validateEvent gives, for any event (lone surrogates in the type and actor and all)', () => {
    fc.assert(
      fc.property(anyEvent, fc.boolean(), (input, carry) => {
        const { event, decoded } = roundTrip(input, carry);
        // -0 included: validateEvent gives 0 for it, and so does the bus.
        expect(event).toEqual(validateEvent(input));
        expect(decoded.eventType).toBe(carry ? input.eventType : undefined);
        expect(decoded.actorId).toBe(carry ? input.actorId : undefined);
      }),
    );
  }, 60_000);

  it('freezes what it decodes, to the bottom', () => {
    const { decoded } = roundTrip({
      id: 'e',
      eventType: 'T',
      actorId: 'a',
      version: 1,
      timestamp: new Date(0),
      data: { list: [{ deep: [1] }] },
      metadata: { m: 'x' },
    });
    const list = decoded.data.list as { deep: number[] }[];
    expect([decoded.data, list, list[0], list[0]?.deep, decoded.metadata].every(Object.isFrozen)).toBe(true);
  });

  it('starts with the format byte, the flags and the version and timestamp as big-endian float64s', () => {
    const payload = new PayloadEncoder().encode(
      checkEventRecord({
        id: 'e-1',
        eventType: 'T',
        actorId: 'a',
        version: 7,
        timestamp: new Date(1000),
        data: {},
      }),
      false,
      false,
    );
    expect(new Uint8Array(payload)).toEqual(
      handMadePayload({ version: 7, time: 1000, fields: ['"e-1"', '{}'] }),
    );
    expect(payload[0]).toBe(PAYLOAD_FORMAT);
  });

  // 3,000 payloads, 429 of them 18 KB: 4.5 s on a busy 2-core machine, hence its own 60 s timeout.
  it('keeps every payload intact while later ones are written, across chunks, and sizes large ones exactly', () => {
    const encoder = new PayloadEncoder();
    const events = Array.from({ length: 3000 }, (_, index) =>
      checkEventRecord({
        id: `e-${index}`,
        eventType: 'T',
        actorId: 'a',
        version: index + 1,
        timestamp: new Date(index),
        data: { text: 'é'.repeat(index % 7 === 0 ? 9000 : index % 50) },
      }),
    );
    const payloads = events.map((event) => encoder.encode(event, false, false));
    payloads.forEach((payload, index) => {
      expect(decodePayload(payload).version).toBe(index + 1);
      expect(decodePayload(payload).data).toEqual(events[index]?.data);
    });
    expect(payloads[7]?.byteLength).toBe(
      HEADER_BYTES + 4 + '"e-7"'.length + 4 + '{"text":""}'.length + 2 * 9000,
    );
  }, 60_000);

  it('survives random bytes: it refuses them, never throws anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        expect(refusal(bytes).field).toBeDefined();
      }),
    );
  }, 60_000);

  it.each([
    ['no bytes at all', new Uint8Array(0), /fewer than the 18-byte header/],
    ['a header cut short', handMadePayload().subarray(0, 17), /fewer than the 18-byte header/],
    ['a JSON event of the older format', new TextEncoder().encode('{"id":"e-1"}'.padEnd(40)), /format 0x7B/],
    ['format 0x00', handMadePayload({ format: 0 }), /format 0x00; this bus reads format 0x01/],
    ['format 0x02 (a future one)', handMadePayload({ format: 2 }), /format 0x02/],
    ['format 0xFF', handMadePayload({ format: 0xff }), /format 0xFF/],
    ['an unknown flag', handMadePayload({ flags: 0x08 }), /unknown flags 0x08/],
    ['version 0', handMadePayload({ version: 0 }), /version: must be a safe integer >= 1/],
    ['version -1', handMadePayload({ version: -1 }), /version/],
    ['version 1.5', handMadePayload({ version: 1.5 }), /version/],
    ['version NaN', handMadePayload({ version: Number.NaN }), /version/],
    ['version 2^53', handMadePayload({ version: 2 ** 53 }), /version/],
    ['a timestamp of NaN', handMadePayload({ time: Number.NaN }), /timestamp/],
    ['a timestamp of Infinity', handMadePayload({ time: Number.POSITIVE_INFINITY }), /timestamp/],
    ['a fractional timestamp', handMadePayload({ time: 0.5 }), /timestamp/],
    ['a timestamp beyond a Date', handMadePayload({ time: 8.64e15 + 1 }), /timestamp/],
    ['no fields', handMadePayload({ fields: [] }), /where the length of its id field should be/],
    ['a length cut short', handMadePayload({ fields: ['"e-1"'] }).subarray(0, HEADER_BYTES + 9 + 2), /data/],
    ['a field longer than the payload', overrun(), /shorter than its data field says/],
    [
      'bytes after the last field',
      handMadePayload({ fields: ['"e-1"', '{}', '{}'] }),
      /bytes after its last field/,
    ],
    ['metadata announced, not there', handMadePayload({ flags: FLAG_METADATA }), /metadata/],
    ['an event type announced, not there', handMadePayload({ flags: FLAG_EVENT_TYPE }), /eventType/],
    ['an actor announced, not there', handMadePayload({ flags: FLAG_ACTOR_ID }), /actorId/],
    [
      'bytes that are not UTF-8',
      handMadePayload({ fields: ['"e-1"', new Uint8Array([0x7b, 0xff, 0x7d])] }),
      /not UTF-8/,
    ],
    [
      'a truncated UTF-8 sequence',
      handMadePayload({ fields: [new Uint8Array([0x22, 0xc3, 0x22]), '{}'] }),
      /not UTF-8/,
    ],
    ['text that is not JSON', handMadePayload({ fields: ['"e-1"', '{nope}'] }), /not JSON/],
    ['an id that is not a string', handMadePayload({ fields: ['42', '{}'] }), /id: must be a string/],
    ['an empty id', handMadePayload({ fields: ['""', '{}'] }), /id: must not be empty/],
    [
      'an id with a leading space',
      handMadePayload({ fields: ['" e"', '{}'] }),
      /id: .* starts or ends with whitespace/,
    ],
    [
      'an id with a lone surrogate',
      handMadePayload({ fields: ['"e\\ud800"', '{}'] }),
      /id: holds a lone surrogate/,
    ],
    [
      'an id with a newline',
      handMadePayload({ fields: ['"e\\n1"', '{}'] }),
      /id: holds the control character U\+000A/,
    ],
    ['an id too long', handMadePayload({ fields: [`"${'e'.repeat(1025)}"`, '{}'] }), /MAX_EVENT_ID_LENGTH/],
    [
      'data that is an array',
      handMadePayload({ fields: ['"e"', '[1]'] }),
      /data: must be a plain JSON object/,
    ],
    ['data that is null', handMadePayload({ fields: ['"e"', 'null'] }), /data: must be a plain JSON object/],
    [
      'data with a __proto__ key',
      handMadePayload({ fields: ['"e"', '{"a":{"__proto__":{}}}'] }),
      /data\.a\.__proto__/,
    ],
    [
      'data with a number JSON cannot hold',
      handMadePayload({ fields: ['"e"', '{"n":1e400}'] }),
      /data\.n: Infinity/,
    ],
    [
      'data nested 65 deep',
      handMadePayload({ fields: ['"e"', `{"a":${'['.repeat(64)}${']'.repeat(64)}}`] }),
      /nests deeper than 64/,
    ],
    [
      'metadata with a number',
      handMadePayload({ flags: FLAG_METADATA, fields: ['"e"', '{}', '{"m":1}'] }),
      /metadata\.m: must be a string/,
    ],
    [
      'an empty carried event type',
      handMadePayload({ flags: FLAG_EVENT_TYPE, fields: ['"e"', '{}', '""'] }),
      /eventType: must not be empty/,
    ],
    [
      'a carried actor that is not a string',
      handMadePayload({ flags: FLAG_ACTOR_ID, fields: ['"e"', '{}', '{}'] }),
      /actorId: must be a string/,
    ],
  ])('refuses %s with a ValidationError saying why', (_case, payload, reason) => {
    expect(refusal(payload).message).toMatch(reason);
  });

  it('accepts U+FFFD that was sent as such', () => {
    const { event } = roundTrip({
      id: '\uFFFD',
      eventType: 'T',
      actorId: 'a',
      version: 1,
      timestamp: new Date(0),
      data: { s: '\uFFFD' },
    });
    expect(event.id).toBe('\uFFFD');
    expect(event.data).toEqual({ s: '\uFFFD' });
  });

  it('reads a payload that is a plain Uint8Array, not a Buffer, or a view into a larger buffer', () => {
    const payload = handMadePayload({ version: 3, fields: ['"e-1"', '{"a":1}'] });
    const padded = new Uint8Array(payload.length + 10);
    padded.set(payload, 5);
    for (const bytes of [payload, padded.subarray(5, 5 + payload.length)]) {
      expect(decodePayload(bytes)).toMatchObject({ id: 'e-1', version: 3, data: { a: 1 } });
    }
  });
});

/** A payload whose data field claims more bytes than there are. */
function overrun(): Uint8Array {
  const payload = handMadePayload();
  new DataView(payload.buffer).setUint32(HEADER_BYTES + 4 + 5, 99);
  return payload;
}
