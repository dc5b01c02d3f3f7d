import { ValidationError } from '../errors/validation-error.js';

const maxDepth = 64;

// The walk keeps its position in two reusable stacks instead of building a path string per key:
// this runs on every append, and the path is only needed to name the field in an error.
// Safe because the walk is synchronous and never re-entered.
const pathStack: (string | number)[] = [];
const objectStack: object[] = [];
/**
 * What a walk does besides checking: `copy` returns a deeply frozen copy; `adopt` freezes the
 * given objects themselves (only for objects nobody else holds, such as fresh JSON.parse output);
 * `check` only checks, and returns the given object as it is (for a value encoded at once and
 * never kept). Only `copy` writes anything, so `check` never touches the caller's objects.
 */
export type JsonWalk = 'copy' | 'adopt' | 'check';

// Set for one walk (see JsonWalk).
let copying = true;
let freezing = true;

/**
 * Checks that `value` is a plain JSON object and returns a deeply frozen copy of it, in one walk
 * (or, by `walk`, freezes it in place or only checks it).
 * Rejects functions, BigInt, symbols, non-finite numbers, cycles, class instances (Date, Map, ...)
 * and the keys `__proto__`, `constructor` and `prototype`, which could pollute prototypes when
 * data is merged into state. Object properties whose value is `undefined` are left out, as
 * JSON.stringify does, so every store keeps the same data.
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
  return copyObject(value, field);
}

function resetStacks(): void {
  pathStack.length = 0;
  objectStack.length = 0;
}

function copyValue(value: unknown, root: string): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) fail(root, `${value} is not a JSON number`);
      return value;
    case 'object':
      if (value === null) return null;
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
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      pathStack.push(key);
      fail(root, 'this key could pollute prototypes');
    }
    const item = record[key];
    // Strings, booleans and finite numbers (most of an event's data) need no path on the stack:
    // nothing below them can fail.
    if (
      typeof item === 'string' ||
      typeof item === 'boolean' ||
      (typeof item === 'number' && Number.isFinite(item))
    ) {
      if (copying) copy[key] = item;
    } else if (item !== undefined) {
      pathStack.push(key);
      const checked = copyValue(item, root);
      if (copying) copy[key] = checked;
      pathStack.pop();
    }
  }
  objectStack.pop();
  return freezing ? Object.freeze(copy) : copy;
}

function copyArray(source: readonly unknown[], root: string): readonly unknown[] {
  enter(source, root);
  const copy = copying ? new Array<unknown>(source.length) : (source as unknown[]);
  for (let index = 0; index < source.length; index++) {
    pathStack.push(index);
    const item = source[index];
    if (item === undefined) fail(root, 'undefined is not JSON (use null)');
    const checked = copyValue(item, root);
    if (copying) copy[index] = checked;
    pathStack.pop();
  }
  objectStack.pop();
  return freezing ? Object.freeze(copy) : copy;
}

function enter(value: object, root: string): void {
  if (objectStack.includes(value)) fail(root, 'contains a cycle');
  if (objectStack.length >= maxDepth) fail(root, `nests deeper than ${maxDepth} levels`);
  objectStack.push(value);
}

/** Throws a ValidationError naming the field at the current position, e.g. `data.items[2].sku`. */
function fail(root: string, problem: string): never {
  let field = root;
  for (const step of pathStack) field += typeof step === 'number' ? `[${step}]` : `.${step}`;
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
