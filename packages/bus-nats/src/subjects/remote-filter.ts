import type { Event } from '@aether/core';
import { compilePattern, parsePattern } from '@aether/core/adapter';

/** Decides whether an event that arrived over NATS reaches one subscription. */
export type RemoteFilter = (event: Event) => boolean;

/**
 * The part of a subscription's filter the server cannot apply for it. The namespace needs no check
 * here: it is read from the subject the server matched against the subscription's pattern (the
 * prefix, type and actor take a fixed number of tokens before it). The event type was matched as a
 * token too, but hashed tokens of long types could collide, so it is checked on the event; so is a
 * literal actor (the same reason), and an actor pattern with wildcards is applied here in full, as
 * the actor travels as one token. Inputs are already validated.
 */
export function compileRemoteFilter(
  eventTypes: readonly string[] | undefined,
  actorPattern: string | undefined,
): RemoteFilter {
  const types = eventTypes === undefined || eventTypes.length === 0 ? undefined : new Set(eventTypes);
  const literal =
    actorPattern !== undefined &&
    parsePattern(actorPattern, 'actorPattern').every((t) => t !== '*' && t !== '>');
  const actorMatches =
    actorPattern === undefined
      ? undefined
      : literal
        ? (actorId: string) => actorId === actorPattern
        : compilePattern(actorPattern, 'actorPattern');
  if (types === undefined && actorMatches === undefined) return () => true;
  return (event) =>
    (types === undefined || types.has(event.eventType)) &&
    (actorMatches === undefined || actorMatches(event.actorId));
}
