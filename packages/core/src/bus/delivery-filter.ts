import type { Event } from '../event.js';
import { compilePattern } from '../subject/patterns.js';

/** Decides whether a published event reaches one subscription. */
export type DeliveryFilter = (namespace: string, event: Event) => boolean;

export interface FilterSpec {
  namespacePattern: string;
  /** Only these event types; every type when undefined or empty. */
  eventTypes?: readonly string[] | undefined;
  /** NATS-style pattern over the actor id's `.`-separated tokens. */
  actorPattern?: string | undefined;
}

/** Compiles a subscription's patterns once; throws `ValidationError` for a bad pattern. */
export function compileDeliveryFilter(spec: FilterSpec): DeliveryFilter {
  const namespaceMatches = compilePattern(spec.namespacePattern, 'namespacePattern');
  const actorMatches =
    spec.actorPattern === undefined ? undefined : compilePattern(spec.actorPattern, 'actorPattern');
  const types =
    spec.eventTypes === undefined || spec.eventTypes.length === 0 ? undefined : new Set(spec.eventTypes);
  return (namespace, event) =>
    namespaceMatches(namespace) &&
    (types === undefined || types.has(event.eventType)) &&
    (actorMatches === undefined || actorMatches(event.actorId));
}
