import { ValidationError } from '../errors/validation-error.js';

// Keys that would reach Object.prototype when the data is merged into state with plain assignment.
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
const maxDepth = 64;

/**
 * Checks that `value` is a plain JSON object and returns a deeply frozen copy of it, in one walk.
 * Rejects functions, BigInt, symbols, non-finite numbers, cycles, class instances (Date, Map, ...)
 * and prototype-polluting keys. Object properties whose value is `undefined` are left out, as
 * JSON.stringify does, so every store keeps the same data.
 */
export function freezeJsonObject(value: unknown, field: string): Readonly<Record<string, unknown>> {
  if (!isPlainObject(value))
    throw new ValidationError(field, `must be a plain JSON object, got ${kindOf(value)}`);
  return copyObject(value, field, []);
}

function copyValue(value: unknown, field: string, ancestors: object[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new ValidationError(field, `${value} is not a JSON number`);
      return value;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) return copyArray(value, field, ancestors);
      if (isPlainObject(value)) return copyObject(value, field, ancestors);
      throw new ValidationError(
        field,
        `${kindOf(value)} is not JSON; convert it to a string or plain object`,
      );
    default:
      throw new ValidationError(field, `${kindOf(value)} is not JSON`);
  }
}

function copyObject(source: object, field: string, ancestors: object[]): Readonly<Record<string, unknown>> {
  enter(source, field, ancestors);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (forbiddenKeys.has(key))
      throw new ValidationError(`${field}.${key}`, 'this key could pollute prototypes');
    const item = (source as Record<string, unknown>)[key];
    if (item !== undefined) copy[key] = copyValue(item, `${field}.${key}`, ancestors);
  }
  ancestors.pop();
  return Object.freeze(copy);
}

function copyArray(source: readonly unknown[], field: string, ancestors: object[]): readonly unknown[] {
  enter(source, field, ancestors);
  const copy = new Array<unknown>(source.length);
  for (let index = 0; index < source.length; index++) {
    const item = source[index];
    if (item === undefined)
      throw new ValidationError(`${field}[${index}]`, 'undefined is not JSON (use null)');
    copy[index] = copyValue(item, `${field}[${index}]`, ancestors);
  }
  ancestors.pop();
  return Object.freeze(copy);
}

function enter(value: object, field: string, ancestors: object[]): void {
  if (ancestors.includes(value)) throw new ValidationError(field, 'contains a cycle');
  if (ancestors.length >= maxDepth) throw new ValidationError(field, `nests deeper than ${maxDepth} levels`);
  ancestors.push(value);
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an instance of ${value.constructor?.name ?? 'an unknown class'}`;
  return `a ${typeof value}`;
}
