import { ValidationError } from '../errors/validation-error.js';
import {
  CONTAINER_BOUND,
  ELEMENT_BOUND,
  LITERAL_BOUND,
  NUMBER_BOUND,
  objectBound,
  stringBound,
} from './json-bound.js';

const maxDepth = 64;

// The walk keeps its position in two reusable stacks instead of building a path string per key:
// this runs on every append, and the path is only needed to name the field in an error.
// Safe because the walk is synchronous and never re-entered.
const pathStack: (string | number | symbol)[] = [];
const objectStack: object[] = [];
/**
 * What a walk does besides checking: `copy` returns a deeply frozen copy; `adopt` freezes the
 * given objects themselves, writing `0` over a `-0` first: only for fresh JSON.parse output, which
 * nobody else holds and which has no symbol-keyed or non-enumerable properties, so it does not look
 * for them; `check` only checks, and returns the given object as it is (for a value encoded at
 * once and never kept). `check` never touches the caller's objects.
 */
export type JsonWalk = 'copy' | 'adopt' | 'check';

// Set for one walk (see JsonWalk).
let copying = true;
let freezing = true;
// JSON.parse makes only enumerable, string-keyed properties: an adopted object needs no look for others.
let lookingForHidden = true;
// What the last walk counted: an upper bound of the bytes of its value's JSON (see json-bound.ts).
let encodedBound = 0;

/**
 * Checks that `value` is a plain JSON object and returns a deeply frozen copy of it, in one walk
 * (or, by `walk`, freezes it in place or only checks it).
 * Rejects functions, BigInt, symbols, non-finite numbers, cycles, class instances (Date, Map, ...),
 * the keys `__proto__`, `constructor` and `prototype`, which could pollute prototypes when data is
 * merged into state, and symbol-keyed or non-enumerable properties, which JSON would drop. Object
 * properties whose value is `undefined` are left out, as JSON.stringify does, and `-0` becomes `0`,
 * as JSON.stringify writes it, so every store keeps the same data. Array elements are the indices
 * `0` to `length - 1`, as in JSON.
 */
export function freezeJsonObject(
  value: unknown,
  field: string,
  walk: JsonWalk = 'copy',
): Readonly<Record<string, unknown>> {
  if (!isPlainObject(value)) {
    throw new ValidationError(field, `must be a plain JSON object, got ${kindOf(value)}`);
  }
  // Balanced on success; only a throw from inside the walk (say, a getter) can leave entries behind.
  if (objectStack.length !== 0) resetStacks();
  copying = walk === 'copy';
  freezing = walk !== 'check';
  lookingForHidden = walk !== 'adopt';
  encodedBound = 0;
  return copyObject(value, field);
}

/**
 * An upper bound of the UTF-8 bytes of JSON.stringify's text for the value the last
 * `freezeJsonObject` call returned: cheap to count during the walk, exact enough to tell that an
 * event is far below a size limit. Never less than the real size.
 */
export function lastWalkEncodedBound(): number {
  return encodedBound;
}

function resetStacks(): void {
  pathStack.length = 0;
  objectStack.length = 0;
}

function copyValue(value: unknown, root: string): unknown {
  switch (typeof value) {
    case 'string':
      encodedBound += stringBound(value);
      return value;
    case 'boolean':
      encodedBound += LITERAL_BOUND;
      return value;
    case 'number':
      if (!Number.isFinite(value)) fail(root, `${value} is not a JSON number`);
      encodedBound += NUMBER_BOUND;
      // -0 + 0 is 0: JSON has no negative zero, and every store hands back what JSON gives.
      return value + 0;
    case 'object':
      if (value === null) {
        encodedBound += LITERAL_BOUND;
        return null;
      }
      if (Array.isArray(value)) return copyArray(value, root);
      if (isPlainObject(value)) return copyObject(value, root);
      return fail(root, `${kindOf(value)} is not JSON; convert it to a string or plain object`);
    default:
      return fail(root, `${kindOf(value)} is not JSON`);
  }
}

function copyObject(source: object, root: string): Readonly<Record<string, unknown>> {
  enter(source, root);
  const record = source as Record<string, unknown>;
  const copy: Record<string, unknown> = copying ? {} : record;
  const keys = Object.keys(record);
  if (lookingForHidden) refuseHiddenProperties(record, keys.length, root);
  // The encoded size, counted in two locals (see objectBound) rather than per entry.
  let units = 0;
  let entries = 0;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') refuseKey(key, root);
    const item = record[key];
    if (item === undefined) continue;
    entries++;
    units += key.length;
    // Strings, booleans and finite numbers (most of an event's data) need no path on the stack:
    // nothing below them can fail.
    if (typeof item === 'string') {
      units += item.length;
      if (copying) copy[key] = item;
    } else if ((typeof item === 'number' && Number.isFinite(item)) || typeof item === 'boolean') {
      // `item === 0` holds for -0 too, which JSON writes as 0 (and JSON.parse reads back as -0).
      if (copying) copy[key] = item === 0 ? 0 : item;
      else if (freezing && item === 0) record[key] = 0;
    } else {
      pathStack.push(key);
      const checked = copyValue(item, root);
      if (copying) copy[key] = checked;
      pathStack.pop();
    }
  }
  encodedBound += objectBound(units, entries);
  objectStack.pop();
  return freezing ? Object.freeze(copy) : copy;
}

function refuseKey(key: string, root: string): never {
  pathStack.push(key);
  return fail(root, 'this key could pollute prototypes');
}

function copyArray(source: readonly unknown[], root: string): readonly unknown[] {
  enter(source, root);
  const copy = copying ? new Array<unknown>(source.length) : (source as unknown[]);
  encodedBound += CONTAINER_BOUND + ELEMENT_BOUND * source.length;
  for (let index = 0; index < source.length; index++) {
    pathStack.push(index);
    const item = source[index];
    if (item === undefined) fail(root, 'undefined is not JSON (use null)');
    const checked = copyValue(item, root);
    if (copying) copy[index] = checked;
    else if (freezing && item === 0) copy[index] = 0; // adopting: JSON.parse gives -0 for "-0"
    pathStack.pop();
  }
  objectStack.pop();
  return freezing ? Object.freeze(copy) : copy;
}

// Object.keys lists only enumerable string keys: getOwnPropertyNames is longer exactly when a
// property is non-enumerable, and a symbol-keyed property shows only in getOwnPropertySymbols.
// No cheaper test sees a symbol key. The two calls are most of what these rules cost an append
// (about 100 ns per object measured in pnpm bench's append loop on a 2-core machine).
function refuseHiddenProperties(object: object, enumerableKeys: number, root: string): void {
  if (
    Object.getOwnPropertyNames(object).length !== enumerableKeys ||
    Object.getOwnPropertySymbols(object).length !== 0
  ) {
    failOnHiddenProperty(object, root);
  }
}

function failOnHiddenProperty(object: object, root: string): never {
  const symbol = Object.getOwnPropertySymbols(object)[0];
  if (symbol !== undefined) {
    pathStack.push(symbol);
    return fail(root, 'is a symbol-keyed property, which JSON leaves out; use a string key');
  }
  const hidden = Object.getOwnPropertyNames(object).find(
    (key) => !Object.prototype.propertyIsEnumerable.call(object, key),
  );
  pathStack.push(hidden ?? '');
  return fail(
    root,
    'is a non-enumerable property, which JSON leaves out; make it enumerable or leave it out',
  );
}

function enter(value: object, root: string): void {
  if (objectStack.includes(value)) fail(root, 'contains a cycle');
  if (objectStack.length >= maxDepth) fail(root, `nests deeper than ${maxDepth} levels`);
  objectStack.push(value);
}

/** Throws a ValidationError naming the field at the current position, e.g. `data.items[2].sku`. */
function fail(root: string, problem: string): never {
  let field = root;
  for (const step of pathStack) {
    if (typeof step === 'number') field += `[${step}]`;
    else if (typeof step === 'symbol') field += `[${String(step)}]`;
    else field += `.${step}`;
  }
  resetStacks();
  throw new ValidationError(field, problem);
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  // A plain object, whatever its prototype (Object's or none): a copy of one has Object's.
  if (isPlainObject(value)) return 'an object';
  if (typeof value === 'object') return `an instance of ${value.constructor?.name ?? 'an unknown class'}`;
  return `a ${typeof value}`;
}
