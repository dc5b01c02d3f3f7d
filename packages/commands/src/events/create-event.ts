import type { AnyEvent, Event } from '@aether/core';
import { uuidV7 } from '../ids/uuid-v7.js';

/**
 * The arguments of `createEvent` for one event union: `eventType` picks the member, and `data` must
 * be that member's data.
 */
export type CreateEventArgs<E extends AnyEvent> = E extends AnyEvent
  ? [
      actorId: string,
      version: number,
      eventType: E['eventType'],
      data: E['data'],
      metadata?: Readonly<Record<string, string>>,
    ]
  : never;

/**
 * A complete event for code that saves by hand (`store.saveEvent`): a new UUID v7 id and the
 * current time, around the type, data and version you give. Name the actor's event union to have
 * the data checked against the type: `createEvent<OrderEvent>('order-1', 1, 'OrderPlaced', {...})`.
 */
export function createEvent<E extends AnyEvent = Event>(...args: CreateEventArgs<E>): E {
  const [actorId, version, eventType, data, metadata] = args;
  const now = Date.now();
  const event = { id: uuidV7(now), eventType, actorId, version, data, timestamp: new Date(now) };
  return (metadata === undefined ? event : { ...event, metadata: { ...metadata } }) as E;
}
