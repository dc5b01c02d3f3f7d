import { type NewEvent, uuidV7 } from '@aether/commands';
import type { AnyEvent, RecordedEvent } from '@aether/core';

/** A past event as a projection spec takes it: which actor, its type and data; the spec adds the rest. */
export type ProjectedEvent<E extends AnyEvent> = E extends AnyEvent
  ? NewEvent<E> & { readonly actorId: string }
  : never;

/**
 * The given events as the log hands them out: ids (UUID v7), each actor's versions from 1 in the
 * order given, one timestamp, and positions 1, 2, 3... (one event per position).
 */
export function recordedEvents<E extends AnyEvent>(
  given: readonly ProjectedEvent<E>[],
  now: number,
): RecordedEvent<E>[] {
  const versions = new Map<string, number>();
  return given.map((event, index) => {
    const version = (versions.get(event.actorId) ?? 0) + 1;
    versions.set(event.actorId, version);
    // Each entry is a member of E without its envelope: adding the envelope gives that member back.
    const stored = { ...event, id: uuidV7(now), version, timestamp: new Date(now) } as unknown as E;
    return { event: stored, position: index + 1 };
  });
}
