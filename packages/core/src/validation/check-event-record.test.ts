import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEventRecord, validateEventRecord } from './validate-event.js';

// Anything at all, with the shapes JSON validation must refuse (Dates, Maps, BigInt, holes,
// boxed values, null prototypes, typed arrays...).
const junk = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
  maxDepth: 3,
});
// Values inside data: JSON, junk, numbers JSON cannot hold, keys that could pollute prototypes.
const key = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toJSON'),
);
const { value: dataValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, undefined, () => 1),
    junk,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 3 }),
  ),
}));
const either = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: junk, weight: 1 });
const candidate = fc.record(
  {
    id: either(fc.string({ maxLength: 5 })),
    eventType: either(fc.string({ maxLength: 5 })),
    actorId: either(fc.string({ maxLength: 5 })),
    version: either(fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double())),
    timestamp: either(fc.date()),
    data: either(fc.dictionary(key, dataValue, { maxKeys: 4 })),
    metadata: either(fc.dictionary(key, fc.oneof(fc.string(), dataValue), { maxKeys: 3 })),
  },
  { requiredKeys: [] },
);

/** What a call ends with: its result, or the error's class, field and message. */
function outcome<T>(call: () => T): { ok: T } | { failed: unknown } {
  try {
    return { ok: call() };
  } catch (err) {
    const { name, field, message } = err as { name: string; field?: string; message: string };
    return { failed: { name, field, message } };
  }
}

function expectSameAsCore(input: unknown): void {
  const core = outcome(() => validateEventRecord(input));
  const checked = outcome(() => checkEventRecord(input));
  if ('failed' in core) {
    expect(checked).toEqual(core);
    return;
  }
  if (!('ok' in checked))
    throw new Error(`checkEventRecord refused what validateEventRecord accepts: ${JSON.stringify(checked)}`);
  // Same fields, and the same JSON (validateEventRecord's copy leaves out undefined values, as JSON does).
  const { data, metadata, ...fields } = checked.ok;
  const { data: coreData, metadata: coreMetadata, ...coreFields } = core.ok;
  expect(fields).toEqual(coreFields);
  expect(JSON.stringify(data)).toBe(JSON.stringify(coreData));
  expect(JSON.stringify(metadata)).toBe(JSON.stringify(coreMetadata));
}

describe('checkEventRecord', () => {
  // 2,000 random records: 6 s on a busy 2-core machine, hence its own 60 s timeout.
  it('accepts and refuses exactly what validateEventRecord does, with the same error', () => {
    fc.assert(fc.property(candidate, expectSameAsCore), { numRuns: 2000 });
  }, 60_000);

  it('hands over the data and metadata of the caller as they are: nothing copied, nothing frozen', () => {
    const data = { items: [{ sku: 'tea' }] };
    const metadata = { correlationId: 'c-1' };
    const checked = checkEventRecord({
      id: 'e',
      eventType: 'T',
      actorId: 'a',
      version: 1,
      timestamp: new Date(5),
      data,
      metadata,
    });
    expect(checked).toEqual({ id: 'e', eventType: 'T', actorId: 'a', version: 1, time: 5, data, metadata });
    expect(checked.data).toBe(data);
    expect(Object.isFrozen(data) || Object.isFrozen(data.items)).toBe(false);
  });

  it('never writes to the objects it checks', () => {
    const refuseWrites: ProxyHandler<object> = {
      set: () => {
        throw new Error('written to');
      },
      defineProperty: () => {
        throw new Error('written to');
      },
    };
    const data = new Proxy({ sku: 'tea', lines: new Proxy([1, 2], refuseWrites) }, refuseWrites);
    const event = { id: 'e', eventType: 'T', actorId: 'a', version: 1, timestamp: new Date(5), data };
    expect(checkEventRecord(event).data).toBe(data);
  });

  const cyclic: Record<string, unknown> = { a: {} };
  (cyclic.a as Record<string, unknown>).back = cyclic;
  const nested = (depth: number): unknown => (depth === 0 ? {} : { n: nested(depth - 1) });
  it.each([
    ['a cycle', { data: cyclic }],
    ['data nested 64 deep', { data: nested(63) }],
    ['data nested 65 deep', { data: nested(64) }],
    ['a __proto__ key', { data: JSON.parse('{"a":{"__proto__":1}}') }],
    ['a constructor key', { data: { constructor: 1 } }],
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    ['a hole', { data: { list: [1, , 3] } }],
    ['undefined values (left out)', { data: { gone: undefined, list: [{ gone: undefined }] } }],
    ['metadata with an undefined value', { metadata: { kept: 'x', gone: undefined } }],
    ['metadata with a number', { metadata: { n: 1 } }],
    ['metadata holding an object without a prototype', { metadata: { m: Object.create(null) } }],
    ['metadata of null', { metadata: null }],
    ['a Date from an impostor', { timestamp: { getTime: (): number => 0 } }],
    ['an invalid Date', { timestamp: new Date(Number.NaN) }],
    ['no object at all', null],
  ])('agrees with validateEventRecord on %s', (_case, change) => {
    const base = { id: 'e', eventType: 'T', actorId: 'a', version: 1, timestamp: new Date(0), data: {} };
    expectSameAsCore(change === null ? null : { ...base, ...change });
  });
});
