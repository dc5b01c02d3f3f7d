import { MAX_EVENT_BYTES, MAX_EVENT_ID_LENGTH } from '@aether/core';

/**
 * What a bus must refuse with a `ValidationError`, as `[case, input]` rows for `it.each`: the
 * case names the test. The suite passes the inputs past the types on purpose.
 */
type Cases = [string, unknown][];

/** Namespaces `publish` rejects: a namespace is one or more non-empty tokens, without wildcards or whitespace. */
export const invalidNamespaces: Cases = [
  ['empty', ''],
  ['an empty token', 'orders..eu'],
  ['a leading dot', '.orders'],
  ['a trailing dot', 'orders.'],
  ['a * wildcard', 'orders.*'],
  ['a > wildcard', 'orders.>'],
  ['only *', '*'],
  ['only >', '>'],
  ['a * inside a token', 'orders*'],
  ['a space', 'orders eu'],
  ['a tab', 'orders\teu'],
  ['a newline', 'orders\n'],
  ['not a string', 42],
  ['undefined', undefined],
];

/** Changes that make a valid event invalid, spread over it. */
export const invalidEventChanges: [string, Record<string, unknown>][] = [
  ['an empty id', { id: '' }],
  ['an empty eventType', { eventType: '' }],
  ['an empty actorId', { actorId: '' }],
  ['version 0', { version: 0 }],
  ['a fractional version', { version: 1.5 }],
  ['a version above the largest safe integer', { version: 2 ** 53 }],
  ['an invalid Date', { timestamp: new Date(Number.NaN) }],
  ['a timestamp that is not a Date', { timestamp: '2024-05-01T12:00:00.000Z' }],
  ['data that is not an object', { data: [1, 2] }],
  ['data holding a function', { data: { total: () => 1 } }],
  ['data holding a BigInt', { data: { total: 10n } }],
  ['metadata that is not a string', { metadata: { retries: 3 } }],
  [`an id of ${MAX_EVENT_ID_LENGTH + 1} code units`, { id: 'e'.repeat(MAX_EVENT_ID_LENGTH + 1) }],
  ['an id with a lone surrogate', { id: 'evt-\udc00' }],
  ['an id with CR LF', { id: 'evt\r\n1' }],
  ['an id with a leading space', { id: ' evt-1' }],
  ['a whitespace-only id', { id: '\t ' }],
  ['data with a symbol-keyed property', { data: { [Symbol('tag')]: 1 } }],
  ['data with a non-enumerable property', { data: Object.defineProperty({}, 'hidden', { value: 1 }) }],
  [
    `an event whose JSON is over MAX_EVENT_BYTES (${MAX_EVENT_BYTES})`,
    { data: { blob: 'x'.repeat(MAX_EVENT_BYTES) } },
  ],
];

/** Namespace patterns `subscribe` rejects: `*` and `>` only as whole tokens, `>` only last. */
export const invalidPatterns: Cases = [
  ['empty', ''],
  ['an empty token', 'orders..eu'],
  ['a leading dot', '.orders'],
  ['a trailing dot', 'orders.'],
  ['> before the last token', 'orders.>.eu'],
  ['> as the first of two tokens', '>.orders'],
  ['a * inside a token', 'orders*'],
  ['a > inside a token', 'orders.eu>'],
  ['a space', 'orders eu'],
  ['only a space', ' '],
  ['not a string', 42],
];

/** Subscribe options `subscribe` rejects. */
export const invalidSubscribeOptions: Cases = [
  ['an empty actor pattern', { actorPattern: '' }],
  ['an actor pattern with an empty token', { actorPattern: 'order..1' }],
  ['an actor pattern with > before the last token', { actorPattern: 'order.>.1' }],
  ['an actor pattern with * inside a token', { actorPattern: 'order-*' }],
  ['an actor pattern that is not a string', { actorPattern: 7 }],
  ['bufferSize 0', { bufferSize: 0 }],
  ['a negative bufferSize', { bufferSize: -1 }],
  ['a fractional bufferSize', { bufferSize: 1.5 }],
  ['bufferSize NaN', { bufferSize: Number.NaN }],
  ['bufferSize Infinity', { bufferSize: Number.POSITIVE_INFINITY }],
  ['a bufferSize above the largest safe integer', { bufferSize: 2 ** 53 }],
  ['a bufferSize given as a string', { bufferSize: '8' }],
  ['an unknown overflow policy', { overflow: 'drop-all' }],
  ['an empty overflow policy', { overflow: '' }],
  ['eventTypes given as a string', { eventTypes: 'OrderPlaced' }],
  ['an empty event type', { eventTypes: [''] }],
  ['an event type that is not a string', { eventTypes: [42] }],
  ['options that are not an object', 'fast'],
];
