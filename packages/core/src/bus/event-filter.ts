import { ValidationError } from '../errors/validation-error.js';
import type { Event } from '../event.js';
import { compilePattern } from '../subject/patterns.js';
import { kindOf } from '../validation/freeze-json.js';

/** Which events a subscription wants, by type and actor. */
export interface EventFilterSpec {
  /** Only these event types; every type when undefined or empty. */
  eventTypes?: readonly string[] | undefined;
  /** NATS-style pattern over the actor id's `.`-separated tokens. */
  actorPattern?: string | undefined;
}

/**
 * Checks a subscription's `eventTypes` and `actorPattern` (they may come from untyped callers;
 * `ValidationError` naming the option) and compiles them once into a test; `undefined` when they
 * let every event through.
 */
export function compileEventFilter(spec: EventFilterSpec): ((event: Event) => boolean) | undefined {
  const eventTypes = checkEventTypes(spec.eventTypes);
  const actorMatches =
    spec.actorPattern === undefined ? undefined : compilePattern(spec.actorPattern, 'actorPattern');
  const types = eventTypes === undefined || eventTypes.length === 0 ? undefined : new Set(eventTypes);
  if (types === undefined && actorMatches === undefined) return undefined;
  return (event) =>
    (types === undefined || types.has(event.eventType)) &&
    (actorMatches === undefined || actorMatches(event.actorId));
}

function checkEventTypes(value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value))
    throw new ValidationError('eventTypes', `must be an array of strings, got ${kindOf(value)}`);
  value.forEach((type: unknown, index) => {
    if (typeof type !== 'string')
      throw new ValidationError(`eventTypes[${index}]`, `must be a string, got ${kindOf(type)}`);
    if (type.length === 0) throw new ValidationError(`eventTypes[${index}]`, 'must not be empty');
  });
  return value as string[];
}
