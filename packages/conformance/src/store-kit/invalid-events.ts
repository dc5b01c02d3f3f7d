import { MAX_EVENT_BYTES, MAX_EVENT_ID_LENGTH } from '@aether/core';
import type { MutableEvent } from './sample-events.js';

/** One way an event can be malformed, and the field its `ValidationError` must name. */
export interface InvalidEventCase {
  name: string;
  field: string;
  /** Breaks one field of a valid event (or replaces the event entirely). */
  corrupt: (valid: MutableEvent) => unknown;
}

const set = (key: string, value: unknown) => (valid: MutableEvent) => ({ ...valid, [key]: value });
const withData = (data: unknown) => set('data', data);
const withMetadata = (metadata: unknown) => set('metadata', metadata);

const tag = Symbol('tag');

class Cart {
  items = 1;
}

function cyclic(): Record<string, unknown> {
  const data: Record<string, unknown> = { name: 'loop' };
  data.self = data;
  return data;
}

// validateEvent accepts 64 levels of nesting; the 65th object is rejected.
function nested(levels: number): Record<string, unknown> {
  let data: Record<string, unknown> = { leaf: true };
  for (let level = 1; level < levels; level++) data = { d: data };
  return data;
}

/** Every case `validateEvent` in `@aether/core` rejects; a store must reject each before writing. */
export const invalidEventCases: InvalidEventCase[] = [
  { name: 'the event is null', field: 'event', corrupt: () => null },
  { name: 'the event is a string', field: 'event', corrupt: () => 'ItemAdded' },
  { name: 'an empty id', field: 'id', corrupt: set('id', '') },
  { name: 'a missing id', field: 'id', corrupt: set('id', undefined) },
  { name: 'a numeric id', field: 'id', corrupt: set('id', 42) },
  { name: 'an empty eventType', field: 'eventType', corrupt: set('eventType', '') },
  { name: 'a missing eventType', field: 'eventType', corrupt: set('eventType', undefined) },
  { name: 'a numeric eventType', field: 'eventType', corrupt: set('eventType', 1) },
  { name: 'an empty actorId', field: 'actorId', corrupt: set('actorId', '') },
  { name: 'a missing actorId', field: 'actorId', corrupt: set('actorId', undefined) },
  { name: 'a numeric actorId', field: 'actorId', corrupt: set('actorId', 7) },
  { name: 'version 0', field: 'version', corrupt: set('version', 0) },
  { name: 'a negative version', field: 'version', corrupt: set('version', -1) },
  { name: 'a fractional version', field: 'version', corrupt: set('version', 1.5) },
  { name: 'a NaN version', field: 'version', corrupt: set('version', Number.NaN) },
  { name: 'an infinite version', field: 'version', corrupt: set('version', Number.POSITIVE_INFINITY) },
  { name: 'a version above the largest safe integer', field: 'version', corrupt: set('version', 2 ** 53) },
  { name: 'a string version', field: 'version', corrupt: set('version', '1') },
  { name: 'a missing version', field: 'version', corrupt: set('version', undefined) },
  { name: 'an invalid Date', field: 'timestamp', corrupt: set('timestamp', new Date(Number.NaN)) },
  { name: 'a string timestamp', field: 'timestamp', corrupt: set('timestamp', '2024-01-01T00:00:00Z') },
  { name: 'a numeric timestamp', field: 'timestamp', corrupt: set('timestamp', 1_700_000_000_000) },
  { name: 'a missing timestamp', field: 'timestamp', corrupt: set('timestamp', undefined) },
  { name: 'null data', field: 'data', corrupt: withData(null) },
  { name: 'missing data', field: 'data', corrupt: withData(undefined) },
  { name: 'an array as data', field: 'data', corrupt: withData([1, 2]) },
  { name: 'a string as data', field: 'data', corrupt: withData('text') },
  { name: 'a class instance as data', field: 'data', corrupt: withData(new Cart()) },
  { name: 'a function in data', field: 'data.fn', corrupt: withData({ fn: () => 1 }) },
  { name: 'a BigInt in data', field: 'data.big', corrupt: withData({ big: 10n }) },
  { name: 'a symbol in data', field: 'data.sym', corrupt: withData({ sym: Symbol('s') }) },
  { name: 'NaN in data', field: 'data.n', corrupt: withData({ n: Number.NaN }) },
  { name: 'Infinity in data', field: 'data.n', corrupt: withData({ n: Number.NEGATIVE_INFINITY }) },
  { name: 'a Date in data', field: 'data.when', corrupt: withData({ when: new Date(0) }) },
  { name: 'a Map in data', field: 'data.map', corrupt: withData({ map: new Map() }) },
  { name: 'undefined inside an array', field: 'data.list[1]', corrupt: withData({ list: [1, undefined] }) },
  { name: 'a cycle in data', field: 'data.self', corrupt: withData(cyclic()) },
  {
    name: 'data nested deeper than 64 levels',
    field: `data${'.d'.repeat(64)}`,
    corrupt: withData(nested(70)),
  },
  {
    name: 'a __proto__ key',
    field: 'data.__proto__',
    corrupt: withData(JSON.parse('{"__proto__":{"x":1}}')),
  },
  { name: 'a constructor key', field: 'data.constructor', corrupt: withData({ constructor: 'x' }) },
  {
    name: 'a nested __proto__ key',
    field: 'data.items[0].__proto__',
    corrupt: withData({ items: [JSON.parse('{"__proto__":{"admin":true}}')] }),
  },
  {
    name: `an id of ${MAX_EVENT_ID_LENGTH + 1} code units`,
    field: 'id',
    corrupt: set('id', 'e'.repeat(MAX_EVENT_ID_LENGTH + 1)),
  },
  { name: 'an id with a lone surrogate', field: 'id', corrupt: set('id', 'evt-\ud800') },
  { name: 'an id with CR LF', field: 'id', corrupt: set('id', 'evt\r\n1') },
  { name: 'an id with a NUL', field: 'id', corrupt: set('id', 'evt\u00001') },
  { name: 'an id with a leading space', field: 'id', corrupt: set('id', ' evt-1') },
  { name: 'an id with a trailing tab', field: 'id', corrupt: set('id', 'evt-1\t') },
  { name: 'an id with a trailing no-break space', field: 'id', corrupt: set('id', 'evt-1\u00a0') },
  { name: 'a whitespace-only id', field: 'id', corrupt: set('id', '   ') },
  { name: 'a symbol-keyed property in data', field: 'data[Symbol(tag)]', corrupt: withData({ [tag]: 1 }) },
  {
    name: 'a non-enumerable property in data',
    field: 'data.hidden',
    corrupt: withData(Object.defineProperty({ sku: 'a' }, 'hidden', { value: 1, enumerable: false })),
  },
  {
    name: 'a symbol-keyed property in metadata',
    field: 'metadata[Symbol(tag)]',
    corrupt: withMetadata({ correlationId: 'c', [tag]: 'x' }),
  },
  {
    name: `an event whose JSON is over MAX_EVENT_BYTES (${MAX_EVENT_BYTES})`,
    field: 'event',
    corrupt: withData({ blob: 'x'.repeat(MAX_EVENT_BYTES) }),
  },
  { name: 'metadata that is a string', field: 'metadata', corrupt: withMetadata('correlation') },
  { name: 'a numeric metadata value', field: 'metadata.retries', corrupt: withMetadata({ retries: 3 }) },
  {
    name: 'an object metadata value',
    field: 'metadata.trace',
    corrupt: withMetadata({ trace: { id: 'x' } }),
  },
];
