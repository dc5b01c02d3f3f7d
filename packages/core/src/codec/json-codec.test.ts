import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import type { Event } from '../event.js';
import { eventFromRecord, validateEvent } from '../validation/validate-event.js';
import { decodeEvent, decodeEventRecord, encodeEvent } from './json-codec.js';

const event: Event = validateEvent({
  id: 'evt-1',
  eventType: 'ItemAdded',
  actorId: 'order.1 😀',
  version: 2,
  data: { sku: 'A-1', quantity: 3, tags: ['x', 'y'], gift: null, nested: { deep: [1.5, -2, true] } },
  timestamp: new Date('2024-05-01T10:00:00.123Z'),
  metadata: { correlationId: 'c-1', causationId: 'evt-0' },
});

const utf8 = (text: string) => new TextEncoder().encode(text);

function decodeFailure(bytes: Uint8Array): ValidationError {
  try {
    decodeEvent(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error('decodeEvent accepted the bytes');
}

describe('encodeEvent / decodeEvent', () => {
  it('round-trips an event exactly', () => {
    const decoded = decodeEvent(encodeEvent(event));
    expect(decoded).toEqual(event);
    expect(decoded.timestamp).toBeInstanceOf(Date);
    expect(decoded.timestamp.getTime()).toBe(event.timestamp.getTime());
  });

  it('writes the timestamp as an ISO-8601 string', () => {
    const json = JSON.parse(new TextDecoder().decode(encodeEvent(event)));
    expect(json.timestamp).toBe('2024-05-01T10:00:00.123Z');
  });

  it('returns a validated, frozen event', () => {
    const decoded = decodeEvent(encodeEvent(event));
    expect(Object.isFrozen(decoded)).toBe(true);
    expect(Object.isFrozen(decoded.data.nested)).toBe(true);
  });

  it('round-trips an event without metadata', () => {
    const { metadata: _unused, ...rest } = event;
    const decoded = decodeEvent(encodeEvent(validateEvent(rest)));
    expect('metadata' in decoded).toBe(false);
    expect(decoded).toEqual(rest);
  });

  it('round-trips any JSON data, actor id and time (property)', () => {
    // Any code point, lone surrogates included (cheaper to build than unit 'binary').
    const anyText = (minLength: number) =>
      fc.string({
        minLength,
        maxLength: 40,
        unit: fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
      });
    const key = fc.string().filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constant(null),
        fc.boolean(),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
        anyText(0),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(
        fc.dictionary(key, json.value, { maxKeys: 5 }),
        anyText(1),
        fc.integer({ min: 1 }),
        fc.date({ noInvalidDate: true }),
        (data, actorId, version, timestamp) => {
          const original = validateEvent({ id: 'e', eventType: 'T', actorId, version, data, timestamp });
          expect(decodeEvent(encodeEvent(original))).toEqual(original);
        },
      ),
    );
  }, 60_000);

  it.each([
    ['garbage bytes', Uint8Array.from([0x00, 0x13, 0x37, 0x42])],
    ['invalid UTF-8', Uint8Array.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d])],
    ['a lone continuation byte', Uint8Array.from([0x80])],
    ['empty bytes', new Uint8Array(0)],
    ['truncated JSON', utf8('{"id":"evt-1",')],
  ])('rejects %s as not UTF-8 JSON, keeping the cause', (_name, bytes) => {
    const err = decodeFailure(bytes);
    expect(err.field).toBe('event');
    expect(err.cause).toBeInstanceOf(Error);
  });

  it.each([['null'], ['42'], ['"an event"'], ['true']])('rejects the JSON value %s', (json) => {
    expect(decodeFailure(utf8(json)).field).toBe('event');
  });

  it('rejects a JSON array as not an event object', () => {
    expect(decodeFailure(utf8('[1,2]')).field).toBe('event');
  });

  const good = JSON.parse(new TextDecoder().decode(encodeEvent(event))) as Record<string, unknown>;
  const without = (field: string) => {
    const copy = { ...good };
    delete copy[field];
    return utf8(JSON.stringify(copy));
  };

  it.each(['id', 'eventType', 'actorId', 'version', 'data', 'timestamp'])(
    'rejects an event missing %s',
    (field) => {
      expect(decodeFailure(without(field)).field).toBe(field);
    },
  );

  it.each([
    ['version', { version: '2' }],
    ['version', { version: 0 }],
    ['timestamp', { timestamp: 'yesterday' }],
    ['timestamp', { timestamp: 1714557600000 }],
    ['data', { data: [] }],
    ['data', { data: 'text' }],
    ['metadata.attempt', { metadata: { attempt: 1 } }],
  ])('rejects a wrong %s', (field, change) => {
    expect(decodeFailure(utf8(JSON.stringify({ ...good, ...change }))).field).toBe(field);
  });

  it('rejects a prototype-polluting key in the stored data', () => {
    const bytes = utf8(
      `{"id":"e","eventType":"T","actorId":"a","version":1,"timestamp":"2024-01-01T00:00:00.000Z","data":{"__proto__":{"x":1}}}`,
    );
    expect(decodeFailure(bytes).field).toBe('data.__proto__');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('encodeEvent output', () => {
  it('is exactly the text JSON.stringify gives for a validated event, with and without metadata', () => {
    const base = {
      id: 'e-"1"\u2028x',
      eventType: 'Typé',
      actorId: 'a.b\nc',
      version: 9,
      data: { nested: { list: [1, 'two', null, true] }, emoji: '🍵' },
      timestamp: new Date('2024-05-01T10:00:00.123Z'),
    };
    for (const input of [base, { ...base, metadata: { correlationId: 'c-1' } }]) {
      const event = validateEvent(input);
      expect(new TextDecoder().decode(encodeEvent(event))).toBe(JSON.stringify(event));
    }
  });
});

describe('decodeEventRecord', () => {
  it('gives the compact record of the event, its data deeply frozen', () => {
    const record = decodeEventRecord(encodeEvent(event));
    expect(eventFromRecord(record)).toEqual(event);
    expect(record.time).toBe(event.timestamp.getTime());
    expect(Object.isFrozen(record.data)).toBe(true);
  });

  it('rejects a timestamp that is not a date string', () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ ...JSON.parse(new TextDecoder().decode(encodeEvent(event))), timestamp: 'soon' }),
    );
    expect(() => decodeEventRecord(bytes)).toThrow(/timestamp/);
  });
});
