import { describe, expect, it } from 'vitest';
import { decodeEvent, encodeEvent } from '../codec/json-codec.js';
import { ValidationError } from '../errors/validation-error.js';
import { fieldOf } from '../test-support/validation-field.js';
import { checkEventRecord, validateEvent, validateEventRecord } from './validate-event.js';
import { validateSnapshot } from './validate-snapshot.js';

const event = (data: unknown, metadata?: unknown) => ({
  id: 'evt-1',
  eventType: 'Measured',
  actorId: 'sensor-1',
  version: 1,
  data,
  timestamp: new Date(0),
  ...(metadata === undefined ? {} : { metadata }),
});

const isPositiveZero = (value: unknown) => Object.is(value, 0);

describe('-0 in data', () => {
  const withNegativeZeros = () => ({
    top: -0,
    list: [1, -0, [-0]],
    nested: { deeper: { zero: -0 }, items: [{ zero: -0 }] },
  });
  const zerosOf = (data: Record<string, unknown>) => {
    const { top, list, nested } = data as ReturnType<typeof withNegativeZeros>;
    return [top, list[1], (list[2] as number[])[0], nested.deeper.zero, nested.items[0]?.zero];
  };

  it('is kept as 0 by validateEvent and validateEventRecord, at any depth', () => {
    expect(zerosOf(validateEvent(event(withNegativeZeros())).data).every(isPositiveZero)).toBe(true);
    expect(zerosOf(validateEventRecord(event(withNegativeZeros())).data).every(isPositiveZero)).toBe(true);
  });

  it('is decoded as 0 from stored JSON text that says -0', () => {
    const text = JSON.stringify({ ...event({}), timestamp: '1970-01-01T00:00:00.000Z' }).replace(
      '"data":{}',
      '"data":{"top":-0,"list":[1,-0,[-0]],"nested":{"deeper":{"zero":-0},"items":[{"zero":-0}]}}',
    );
    expect(zerosOf(decodeEvent(new TextEncoder().encode(text)).data).every(isPositiveZero)).toBe(true);
  });

  it('round-trips through the codec as 0', () => {
    const decoded = decodeEvent(encodeEvent(validateEvent(event(withNegativeZeros()))));
    expect(zerosOf(decoded.data).every(isPositiveZero)).toBe(true);
  });

  it("is left in the caller's objects by checkEventRecord, which writes nothing, and encodes as 0", () => {
    const data = withNegativeZeros();
    const checked = checkEventRecord(event(data));
    expect(Object.is(data.top, -0)).toBe(true);
    expect(JSON.stringify(checked.data)).toBe(JSON.stringify(validateEvent(event(data)).data));
  });

  it('is kept as 0 in a snapshot state', () => {
    const snapshot = validateSnapshot({ actorId: 'a', version: 1, state: { n: -0 }, timestamp: new Date(0) });
    expect(isPositiveZero(snapshot.state.n)).toBe(true);
  });
});

describe('properties JSON would drop', () => {
  const tag = Symbol('tag');
  const hidden = (object: object, key: string) =>
    Object.defineProperty(object, key, { value: 'secret', enumerable: false });

  it.each([
    ['a symbol-keyed property', () => ({ sku: 'A-1', [tag]: 'x' }), 'data[Symbol(tag)]'],
    [
      'a symbol-keyed property nested in an array',
      () => ({ items: [{ [tag]: 1 }] }),
      'data.items[0][Symbol(tag)]',
    ],
    ['a symbol-keyed property whose value is undefined', () => ({ [tag]: undefined }), 'data[Symbol(tag)]'],
    ['a non-enumerable property', () => hidden({ sku: 'A-1' }, 'internal'), 'data.internal'],
    ['a nested non-enumerable property', () => ({ line: hidden({}, 'cost') }), 'data.line.cost'],
    [
      'a non-enumerable property of an object without a prototype',
      () => hidden(Object.create(null) as object, 'x'),
      'data.x',
    ],
  ])('refuses %s in data, naming its path', (_case, data, field) => {
    expect(fieldOf(() => validateEvent(event(data())))).toBe(field);
    expect(fieldOf(() => validateEventRecord(event(data())))).toBe(field);
    expect(fieldOf(() => checkEventRecord(event(data())))).toBe(field);
  });

  it('says why a symbol-keyed or non-enumerable property is refused and what to do', () => {
    expect(() => validateEvent(event({ [tag]: 1 }))).toThrow(
      'invalid data[Symbol(tag)]: is a symbol-keyed property, which JSON leaves out; use a string key',
    );
    expect(() => validateEvent(event(hidden({}, 'internal')))).toThrow(
      'invalid data.internal: is a non-enumerable property, which JSON leaves out; make it enumerable or leave it out',
    );
  });

  it('refuses them in metadata and in a snapshot state too', () => {
    expect(fieldOf(() => validateEvent(event({}, { correlationId: 'c', [tag]: 'x' })))).toBe(
      'metadata[Symbol(tag)]',
    );
    expect(fieldOf(() => validateEvent(event({}, hidden({ correlationId: 'c' }, 'trace'))))).toBe(
      'metadata.trace',
    );
    const snapshot = { actorId: 'a', version: 1, state: { [tag]: 1 }, timestamp: new Date(0) };
    expect(fieldOf(() => validateSnapshot(snapshot))).toBe('state[Symbol(tag)]');
  });

  it('leaves out, as before, an enumerable property whose value is undefined', () => {
    const stored = validateEvent(event({ kept: 1, gone: undefined }));
    expect(stored.data).toEqual({ kept: 1 });
    expect('gone' in stored.data).toBe(false);
  });

  it('is a ValidationError, not a silently smaller event', () => {
    expect(() => validateEvent(event({ [tag]: 1 }))).toThrow(ValidationError);
  });
});
