import type { Event } from '../event.js';
import { compilePattern } from '../subject/patterns.js';
import { compileEventFilter, type EventFilterSpec } from './event-filter.js';

/** Decides whether a published event reaches one subscription. */
export type DeliveryFilter = (namespace: string, event: Event) => boolean;

export interface FilterSpec extends EventFilterSpec {
  namespacePattern: string;
}

/** Compiles a subscription's patterns once; throws `ValidationError` for a bad pattern or type list. */
export function compileDeliveryFilter(spec: FilterSpec): DeliveryFilter {
  const namespaceMatches = compilePattern(spec.namespacePattern, 'namespacePattern');
  const eventMatches = compileEventFilter(spec);
  return eventMatches === undefined
    ? (namespace) => namespaceMatches(namespace)
    : (namespace, event) => namespaceMatches(namespace) && eventMatches(event);
}
