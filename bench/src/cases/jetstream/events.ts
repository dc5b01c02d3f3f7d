import { randomUUID } from 'node:crypto';
import type { Event } from '@aether/core';
import { encodeEvent, encodeSubjectToken } from '@aether/core/adapter';
import { subjectPrefix } from './streams.js';

export type OrderLine = { sku: string; quantity: number; priceCents: number };

/** One append of a workload: which actor, which version, the event and its bytes on the wire. */
export interface Append {
  readonly actorId: string;
  readonly version: number;
  readonly event: Event;
  /** `encodeEvent(event)`: exactly the bytes Aether publishes, which raw nats.js publishes too. */
  readonly payload: Uint8Array;
  /** The actor's subject in the stream. */
  readonly subject: string;
}

export function actorId(index: number): string {
  return `order-${index}`;
}

/** An `ItemAdded` event with a fresh id, as an application builds one. */
export function orderEvent(actor: string, version: number): Event {
  return {
    id: randomUUID(),
    eventType: 'ItemAdded',
    actorId: actor,
    version,
    data: { sku: `SKU-${version % 1000}`, quantity: 1 + (version % 5), priceCents: 1999 },
    timestamp: new Date(),
  };
}

/** The subject the store uses for an actor of `stream`. */
export function actorSubject(stream: string, actor: string): string {
  return `${subjectPrefix(stream)}.${encodeSubjectToken(actor)}`;
}

/**
 * `count` appends round-robin over `actors` actors (actor 0, 1, ..., n-1, 0, 1, ...), each with
 * its event and encoded bytes built now, before any clock starts.
 */
export function roundRobin(stream: string, count: number, actors: number): Append[] {
  const subjects = Array.from({ length: actors }, (_, index) => actorSubject(stream, actorId(index)));
  return Array.from({ length: count }, (_, seq) => {
    const actor = actorId(seq % actors);
    const version = Math.floor(seq / actors) + 1;
    const event = orderEvent(actor, version);
    return {
      actorId: actor,
      version,
      event,
      payload: encodeEvent(event),
      subject: subjects[seq % actors] as string,
    };
  });
}
