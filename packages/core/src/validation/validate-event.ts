import { ValidationError } from '../errors/validation-error.js';
import type { Event } from '../event.js';
import { freezeJsonObject, kindOf } from './freeze-json.js';

/**
 * Checks every field of an event and returns a deeply frozen copy of it: the copy a store keeps,
 * so later changes to the caller's object never reach stored history. Throws `ValidationError`
 * naming the first bad field. Every store and bus calls this before writing anything.
 */
export function validateEvent(event: unknown): Event {
  if (typeof event !== 'object' || event === null)
    throw new ValidationError('event', `must be an object, got ${kindOf(event)}`);
  const candidate = event as Record<string, unknown>;
  const id = requireText(candidate.id, 'id');
  const eventType = requireText(candidate.eventType, 'eventType');
  const actorId = requireText(candidate.actorId, 'actorId');
  const version = requireVersion(candidate.version, 'version');
  const timestamp = requireDate(candidate.timestamp, 'timestamp');
  const data = freezeJsonObject(candidate.data, 'data');
  const metadata = candidate.metadata === undefined ? undefined : requireMetadata(candidate.metadata);
  const copy: Event =
    metadata === undefined
      ? { id, eventType, actorId, version, data, timestamp }
      : { id, eventType, actorId, version, data, timestamp, metadata };
  return Object.freeze(copy);
}

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new ValidationError(field, `must be a string, got ${kindOf(value)}`);
  if (value.length === 0) throw new ValidationError(field, 'must not be empty');
  return value;
}

export function requireVersion(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(field, `must be a safe integer >= 1, got ${String(value)}`);
  }
  return value;
}

/** A fresh Date with the same instant: Date objects stay mutable even when frozen. */
// Date.prototype.getTime reads the internal time slot: it accepts a Date from another realm and
// throws for an impostor (say, an object whose Symbol.toStringTag is 'Date').
export function requireDate(value: unknown, field: string): Date {
  let time: number;
  try {
    time = Date.prototype.getTime.call(value);
  } catch {
    throw new ValidationError(field, `must be a Date, got ${kindOf(value)}`);
  }
  if (Number.isNaN(time)) throw new ValidationError(field, 'is an invalid Date');
  return new Date(time);
}

function requireMetadata(value: unknown): Readonly<Record<string, string>> {
  const copy = freezeJsonObject(value, 'metadata');
  for (const [key, item] of Object.entries(copy)) {
    if (typeof item !== 'string')
      throw new ValidationError(`metadata.${key}`, `must be a string, got ${kindOf(item)}`);
  }
  return copy as Readonly<Record<string, string>>;
}
