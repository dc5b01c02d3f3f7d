import { type AnyEvent, MAX_EVENT_BYTES, MAX_EVENT_ID_LENGTH } from '@aether/core';
import fc from 'fast-check';

/*
 * Generated events that probe the rules `@aether/core` sets for event ids and data: ids near the
 * length limit, with whitespace NATS trims at their ends, control characters or lone surrogates;
 * data with `-0` at any depth, `undefined` values, symbol-keyed and non-enumerable properties,
 * values JSON cannot hold, and sizes either side of `MAX_EVENT_BYTES`. Most are valid, many are
 * not; whatever `validateEvent` does with one, a store or bus must do too.
 */

/** An id's first or last character: mostly plain, sometimes something NATS or UTF-8 would change. */
const idEdge = fc.oneof(
  { arbitrary: fc.constant(''), weight: 12 },
  { arbitrary: fc.constantFrom('😀', 'é', '注', '.', '*', '>', '/', '"', '\\', '#'), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      ' ',
      '\t',
      '\u00a0',
      '\u2028',
      '\ufeff',
      '\u3000',
      '\r',
      '\n',
      '\u0000',
      '\u007f',
    ),
    weight: 2,
  },
  { arbitrary: fc.constantFrom('\ud800', '\udc00', '\ud83d'), weight: 1 },
);

const plainIdUnit = fc.constantFrom('a', 'Z', '0', '-', '.', '*', '>', '/', ' ', '😀', 'é', '注');
/** The middle of an id, after its unique part: mostly plain text, sometimes with a control character or a lone surrogate. */
const idMiddle = fc.oneof(
  { arbitrary: fc.string({ maxLength: 8, unit: plainIdUnit }), weight: 6 },
  {
    arbitrary: fc.string({
      minLength: 1,
      maxLength: 8,
      unit: fc.oneof(
        plainIdUnit,
        fc.constantFrom('\t', '\n', '\r', '\u0001', '\u001f', '\u007f', '\ud800', '\udfff'),
      ),
    }),
    weight: 1,
  },
);

/** Ids the rules refuse whatever else they hold. */
const hopelessId = fc.constantFrom<unknown>('', ' ', '\t\t', '\u00a0', '\n', 42, undefined, null);

/** How to build an id around a unique part: edges and a middle, and a length to pad it to (0: none). */
export interface IdShape {
  head: string;
  middle: string;
  tail: string;
  length: number;
}

const idShape: fc.Arbitrary<IdShape | { hopeless: unknown }> = fc.oneof(
  {
    arbitrary: fc.record({
      head: idEdge,
      middle: idMiddle,
      tail: idEdge,
      length: fc.oneof(
        { arbitrary: fc.constant(0), weight: 8 },
        { arbitrary: fc.constant(MAX_EVENT_ID_LENGTH), weight: 2 },
        { arbitrary: fc.constant(MAX_EVENT_ID_LENGTH + 1), weight: 1 },
      ),
    }),
    weight: 12,
  },
  { arbitrary: hopelessId.map((hopeless) => ({ hopeless })), weight: 1 },
);

/**
 * The id of a shape around `unique`, so that no two runs share an id (a store that deduplicates by
 * id would notice), sometimes padded to exactly `MAX_EVENT_ID_LENGTH` code units or one more.
 */
function idOf(shape: IdShape | { hopeless: unknown }, unique: string): unknown {
  if ('hopeless' in shape) return shape.hopeless;
  const { head, middle, tail, length } = shape;
  const inner = `${unique}${middle}`;
  const padding = Math.max(0, length - head.length - inner.length - tail.length);
  return `${head}${inner}${'x'.repeat(padding)}${tail}`;
}

const text = fc.string({
  maxLength: 8,
  unit: fc.constantFrom('a', 'é', '😀', '\ud800', '\udc00', '\u0000', '\n', '"', '\\', '\u2028', ' '),
});
const key = fc.oneof(
  {
    arbitrary: fc.string({ maxLength: 4, unit: fc.constantFrom('a', 'b', 'é', ' ', '.', '\u0000', '😀') }),
    weight: 60,
  },
  { arbitrary: fc.constant('constructor'), weight: 1 },
);
const number = fc.oneof(
  fc.constantFrom(-0, 0, 1, -1.5, 5e-324, -0.0000012345678901234567, Number.MAX_SAFE_INTEGER, -1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
/** Values that are never JSON. */
const notJson = fc.constantFrom<unknown>(
  Number.NaN,
  Number.NEGATIVE_INFINITY,
  10n,
  Symbol('value'),
  () => 1,
  new Date(0),
);

const tag = Symbol('tag');
/** What an object gets besides its entries: nothing, mostly; sometimes a property JSON would drop. */
const extra = fc.oneof(
  { arbitrary: fc.constant('none'), weight: 30 },
  { arbitrary: fc.constantFrom('symbol', 'hidden'), weight: 1 },
  { arbitrary: fc.constant('nullPrototype'), weight: 2 },
);

function withExtra(entries: Record<string, unknown>, kind: string): Record<string | symbol, unknown> {
  const object: Record<string | symbol, unknown> =
    kind === 'nullPrototype' ? Object.assign(Object.create(null) as object, entries) : { ...entries };
  if (kind === 'symbol') object[tag] = 'dropped by JSON';
  if (kind === 'hidden')
    Object.defineProperty(object, 'hidden', { value: 'dropped by JSON', enumerable: false });
  return object;
}

const { object } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: fc.constantFrom<unknown>(null, true, false), weight: 8 },
    { arbitrary: number, weight: 16 },
    { arbitrary: text, weight: 16 },
    { arbitrary: notJson, weight: 1 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 8 },
    { arbitrary: tie('object'), weight: 8 },
  ),
  object: fc
    .tuple(
      fc.dictionary(
        key,
        fc.oneof({ arbitrary: tie('value'), weight: 8 }, { arbitrary: fc.constant(undefined), weight: 1 }),
        { maxKeys: 4 },
      ),
      extra,
    )
    .map(([entries, kind]) => withExtra(entries, kind)),
}));

/** A data object whose encoded event lands within a few hundred bytes of `MAX_EVENT_BYTES`. */
const nearTheLimit = fc
  .record({
    filler: fc.constantFrom('x', '€', '😀', '\u0001', '"'),
    slack: fc.integer({ min: -600, max: 200 }),
  })
  .map(({ filler, slack }) => {
    const bytesPerCopy = Buffer.byteLength(JSON.stringify(filler)) - 2;
    return { blob: filler.repeat(Math.floor((MAX_EVENT_BYTES + slack) / bytesPerCopy)) };
  });

const data = fc.oneof(
  { arbitrary: object, weight: 20 },
  { arbitrary: fc.constantFrom<unknown>(null, [], 'data'), weight: 1 },
  { arbitrary: nearTheLimit, weight: 1 },
);

const metadataValue = fc.oneof(
  { arbitrary: text, weight: 20 },
  { arbitrary: fc.constantFrom<unknown>(undefined, 1, null), weight: 1 },
);
const metadata = fc.option(
  fc
    .tuple(fc.dictionary(key, metadataValue, { maxKeys: 3 }), extra)
    .map(([entries, kind]) => withExtra(entries, kind)),
  { nil: undefined, freq: 2 },
);

/** What a generated event is made of; `ruleCandidate` turns it into an event. */
export interface CandidateParts {
  id: IdShape | { hopeless: unknown };
  data: unknown;
  metadata: unknown;
}

/** The parts of events that probe the rules: see `ruleCandidate`. */
export const candidateParts: fc.Arbitrary<CandidateParts> = fc.record({ id: idShape, data, metadata });

/**
 * The event (version 1) of generated parts, with an id around `unique` and the actor `actorId`:
 * new ones for every run, since a run that fast-check repeats while shrinking must not meet what
 * an earlier run stored.
 */
export function ruleCandidate(parts: CandidateParts, unique: string, actorId: string): AnyEvent {
  const event: Record<string, unknown> = {
    id: idOf(parts.id, unique),
    eventType: 'RuleProbed',
    actorId,
    version: 1,
    data: parts.data,
    timestamp: new Date('2024-05-01T12:00:00.000Z'),
  };
  if (parts.metadata !== undefined) event.metadata = parts.metadata;
  // Past the types on purpose: many candidates are not valid events.
  return event as unknown as AnyEvent;
}
