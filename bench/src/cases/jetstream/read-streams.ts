import { actorSubject, orderEvent } from './events.js';
import { ensureFilled } from './fill.js';
import type { Session } from './session.js';

/** A stream holding one actor to read, among other actors' events. */
export interface ReadStream {
  readonly stream: string;
  readonly actorId: string;
  readonly subject: string;
  /** How many events the actor has. */
  readonly events: number;
  /** How many messages the stream holds in all. */
  readonly messages: number;
}

/**
 * `messages` events in all, `events` of them the read actor's, spread evenly through the stream
 * (the middle of each equal slice); the rest belong to 1,000 other actors, round-robin.
 */
export function readStream(stream: string, actorId: string, events: number, messages: number): ReadStream {
  return { stream, actorId, subject: actorSubject(stream, actorId), events, messages };
}

/** Fills the stream unless a contender measured before did (the same data for every contender). */
export function prepareReadStream(session: Session, spec: ReadStream): Promise<void> {
  const slice = spec.messages / spec.events;
  const fillers = new Map<number, number>();
  let actorVersion = 0;
  const eventAt = (index: number) => {
    if (index % slice === Math.floor(slice / 2)) return orderEvent(spec.actorId, ++actorVersion);
    const other = index % 1000;
    const version = (fillers.get(other) ?? 0) + 1;
    fillers.set(other, version);
    return orderEvent(`other-${other}`, version);
  };
  return ensureFilled(session, spec.stream, spec.messages, eventAt);
}
