import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { validateEvent } from './validate-event.js';

function validEvent(): Record<string, unknown> {
  return {
    id: 'evt-1',
    eventType: 'OrderPlaced',
    actorId: 'order-1',
    version: 1,
    data: { customer: 'Ada', items: [{ sku: 'A-1', quantity: 2 }], note: null, paid: false },
    timestamp: new Date('2024-05-01T10:00:00.000Z'),
    metadata: { correlationId: 'c-1' },
  };
}

function withField(path: string[], value: unknown): Record<string, unknown> {
  const event = validEvent();
  let target = event;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1) as string] = value;
  return event;
}

/** The ValidationError thrown by validateEvent, failing the test when there is none. */
function rejection(input: unknown): ValidationError {
  try {
    validateEvent(input);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error(`validateEvent accepted ${String(input)}`);
}

class Money {
  constructor(readonly cents: number) {}
}

describe('validateEvent accepts', () => {
  it('a complete event and returns an equal copy', () => {
    const input = validEvent();
    const copy = validateEvent(input);
    expect(copy).toEqual(input);
    expect(copy).not.toBe(input);
  });

  it('an event without metadata, and leaves metadata out of the copy', () => {
    const { metadata: _unused, ...input } = validEvent();
    const copy = validateEvent(input);
    expect('metadata' in copy).toBe(false);
  });

  it('the largest safe integer as version', () => {
    expect(validateEvent(withField(['version'], Number.MAX_SAFE_INTEGER)).version).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });

  it('any non-empty actor id, whatever its characters', () => {
    for (const actorId of ['a.b.*.>', ' ', 'заказ 😀', '\n', '\uD800']) {
      expect(validateEvent(withField(['actorId'], actorId)).actorId).toBe(actorId);
    }
  });

  it('data with a null prototype and empty data', () => {
    const data = Object.assign(Object.create(null) as object, { a: 1 });
    expect(validateEvent(withField(['data'], data)).data).toEqual({ a: 1 });
    expect(validateEvent(withField(['data'], {})).data).toEqual({});
  });

  it('a Date from another realm', () => {
    const foreign: unknown = runInNewContext('new Date(86400000)');
    expect(foreign instanceof Date).toBe(false);
    expect(validateEvent(withField(['timestamp'], foreign)).timestamp.getTime()).toBe(86_400_000);
  });

  it('the same object graph twice when it is shared, not cyclic', () => {
    const shared = { sku: 'A-1' };
    const copy = validateEvent(
      withField(['data'], { first: shared, second: shared, list: [shared, shared] }),
    );
    expect(copy.data).toEqual({ first: shared, second: shared, list: [shared, shared] });
  });
});

describe('validateEvent rejects, naming the field', () => {
  it.each([
    ['id', ['id'], ''],
    ['eventType', ['eventType'], ''],
    ['actorId', ['actorId'], ''],
    ['id', ['id'], undefined],
    ['id', ['id'], 42],
    ['eventType', ['eventType'], null],
    ['actorId', ['actorId'], { toString: () => 'x' }],
  ])('an empty or non-string %s (%#)', (field, path, value) => {
    expect(rejection(withField(path, value)).field).toBe(field);
  });

  it.each([
    ['0', 0],
    ['-1', -1],
    ['1.5', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['MAX_SAFE_INTEGER + 1', Number.MAX_SAFE_INTEGER + 1],
    ["the string '1'", '1'],
    ['a BigInt', 1n],
    ['undefined', undefined],
  ])('version %s', (_name, version) => {
    const err = rejection(withField(['version'], version));
    expect(err.field).toBe('version');
    expect(err.message).toContain('safe integer >= 1');
  });

  it.each([
    ['an invalid Date', new Date('not a date')],
    ['an ISO string', '2024-05-01T10:00:00.000Z'],
    ['a number', 1714557600000],
    ['undefined', undefined],
    ['a plain object', { getTime: (): number => 0 }],
    ['an impostor tagged as Date', { [Symbol.toStringTag]: 'Date', getTime: (): number => 0 }],
  ])('timestamp as %s', (_name, timestamp) => {
    expect(rejection(withField(['timestamp'], timestamp)).field).toBe('timestamp');
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an array', [1, 2]],
    ['a string', '{"a":1}'],
    ['a class instance', new Money(5)],
    ['a Map', new Map([['a', 1]])],
    ['a Date', new Date()],
  ])('data that is %s, not a plain object', (_name, data) => {
    const err = rejection(withField(['data'], data));
    expect(err.field).toBe('data');
    expect(err.message).toContain('plain JSON object');
  });

  it.each([
    ['a function', { total: () => 1 }, 'data.total'],
    ['a BigInt', { total: 10n }, 'data.total'],
    ['a symbol', { tag: Symbol('x') }, 'data.tag'],
    ['NaN', { total: Number.NaN }, 'data.total'],
    ['Infinity', { total: Number.POSITIVE_INFINITY }, 'data.total'],
    ['-Infinity', { nested: { total: Number.NEGATIVE_INFINITY } }, 'data.nested.total'],
    ['a class instance', { price: new Money(5) }, 'data.price'],
    ['a Date', { at: new Date() }, 'data.at'],
    ['a Map', { items: new Map() }, 'data.items'],
    ['a Set in an array', { items: ['a', new Set()] }, 'data.items[1]'],
    ['a function in an array', { items: [{ sku: 'A' }, () => 1] }, 'data.items[1]'],
    ['a hole in an array', { items: [1, undefined, 3] }, 'data.items[1]'],
    ['a typed array', { bytes: new Uint8Array(2) }, 'data.bytes'],
  ])('data containing %s', (_name, data, field) => {
    expect(rejection(withField(['data'], data)).field).toBe(field);
  });

  it('data containing an object cycle', () => {
    const data: Record<string, unknown> = { a: { b: {} } };
    (data.a as { b: Record<string, unknown> }).b.back = data;
    const err = rejection(withField(['data'], data));
    expect(err.field).toBe('data.a.b.back');
    expect(err.message).toContain('cycle');
  });

  it('data containing an array cycle', () => {
    const list: unknown[] = [1];
    list.push(list);
    expect(rejection(withField(['data'], { list })).field).toBe('data.list[1]');
  });

  it('data nested deeper than the limit, without overflowing the stack', () => {
    let data: Record<string, unknown> = {};
    for (let level = 0; level < 10_000; level++) data = { d: data };
    expect(rejection(withField(['data'], data)).message).toContain('deeper');
  });

  it.each([
    ['__proto__', JSON.parse('{"__proto__":{"x":1}}'), 'data.__proto__'],
    ['nested __proto__', JSON.parse('{"a":[{"__proto__":{"polluted":true}}]}'), 'data.a[0].__proto__'],
    ['constructor', { constructor: { prototype: { x: 1 } } }, 'data.constructor'],
    ['prototype', { nested: { prototype: 1 } }, 'data.nested.prototype'],
  ])('data with a %s key', (_name, data, field) => {
    const err = rejection(withField(['data'], data));
    expect(err.field).toBe(field);
    expect(err.message).toContain('pollute');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a number', { attempt: 1 }, 'metadata.attempt'],
    ['a boolean', { replayed: true }, 'metadata.replayed'],
    ['null', { causationId: null }, 'metadata.causationId'],
    ['an object', { trace: { id: 'x' } }, 'metadata.trace'],
    ['a function', { f: () => 'x' }, 'metadata.f'],
  ])('metadata with %s value', (_name, metadata, field) => {
    expect(rejection(withField(['metadata'], metadata)).field).toBe(field);
  });

  it.each([
    ['null', null],
    ['a string', 'correlationId=c-1'],
    ['a Map', new Map([['correlationId', 'c-1']])],
  ])('metadata that is %s', (_name, metadata) => {
    expect(rejection(withField(['metadata'], metadata)).field).toBe('metadata');
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'event'],
  ])('an event that is %s', (_name, event) => {
    expect(rejection(event).field).toBe('event');
  });
});

describe('the copy validateEvent returns', () => {
  it('is deeply frozen', () => {
    const copy = validateEvent(validEvent());
    const data = copy.data as { items: { sku: string }[] };
    expect(Object.isFrozen(copy)).toBe(true);
    expect(Object.isFrozen(copy.data)).toBe(true);
    expect(Object.isFrozen(data.items)).toBe(true);
    expect(Object.isFrozen(data.items[0])).toBe(true);
    expect(Object.isFrozen(copy.metadata)).toBe(true);
    expect(() => {
      (data.items[0] as { sku: string }).sku = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      data.items.push({ sku: 'B' });
    }).toThrow(TypeError);
  });

  it('does not change when the input is mutated afterwards', () => {
    const input = validEvent();
    const copy = validateEvent(input);
    const inputData = input.data as { customer: string; items: { sku: string; quantity: number }[] };
    inputData.customer = 'Mallory';
    inputData.items[0] = { sku: 'EVIL', quantity: 99 };
    inputData.items.push({ sku: 'B', quantity: 1 });
    (input.metadata as Record<string, string>).correlationId = 'changed';
    (input.timestamp as Date).setTime(0);
    input.version = 99;

    expect(copy.version).toBe(1);
    expect(copy.data).toEqual({
      customer: 'Ada',
      items: [{ sku: 'A-1', quantity: 2 }],
      note: null,
      paid: false,
    });
    expect(copy.metadata).toEqual({ correlationId: 'c-1' });
    expect(copy.timestamp.toISOString()).toBe('2024-05-01T10:00:00.000Z');
  });

  it('has its own Date with the same time', () => {
    const input = validEvent();
    const copy = validateEvent(input);
    expect(copy.timestamp).not.toBe(input.timestamp);
    expect(copy.timestamp).toBeInstanceOf(Date);
    expect(copy.timestamp.getTime()).toBe((input.timestamp as Date).getTime());
  });

  it('drops object properties whose value is undefined, as JSON does', () => {
    const copy = validateEvent(
      withField(['data'], { kept: 1, gone: undefined, nested: { gone: undefined } }),
    );
    expect(Object.keys(copy.data)).toEqual(['kept', 'nested']);
    expect(Object.keys(copy.data.nested as object)).toEqual([]);
    const withMetadata = validateEvent(withField(['metadata'], { kept: 'x', gone: undefined }));
    expect(Object.keys(withMetadata.metadata ?? {})).toEqual(['kept']);
  });

  it('leaves out fields that are not part of an event', () => {
    const copy = validateEvent({ ...validEvent(), extra: 'ignored' });
    expect('extra' in copy).toBe(false);
  });

  it("does not freeze or change the caller's objects", () => {
    const input = validEvent();
    validateEvent(input);
    expect(Object.isFrozen(input)).toBe(false);
    expect(Object.isFrozen(input.data)).toBe(false);
  });
});
