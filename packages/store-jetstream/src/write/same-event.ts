import type { Event } from '@aether/core';

/**
 * True when two events are the same fact: same id, type, actor, version, instant, data and
 * metadata (object key order does not matter; no metadata equals empty metadata). Decides whether
 * a save JetStream dropped as a duplicate was a retry of this event or a different event with a
 * reused id.
 */
/** True when two lists hold the same events (`sameEvent`), in the same order. */
export function sameEvents(a: readonly Event[], b: readonly Event[]): boolean {
  return a.length === b.length && a.every((event, index) => sameEvent(event, b[index] as Event));
}

export function sameEvent(a: Event, b: Event): boolean {
  return (
    a.id === b.id &&
    a.eventType === b.eventType &&
    a.actorId === b.actorId &&
    a.version === b.version &&
    a.timestamp.getTime() === b.timestamp.getTime() &&
    sameJson(a.data, b.data) &&
    sameJson(a.metadata ?? {}, b.metadata ?? {})
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameJson(item, b[index]))
    );
  }
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every(
    (key) =>
      Object.hasOwn(b, key) &&
      sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
