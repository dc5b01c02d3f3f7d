import { randomUUID } from 'node:crypto';
import type { OrderEvent } from './order.js';

/** Builds the next event of an order; the id and clock are injectable so tests are repeatable. */
export interface EventFactory {
  next<E extends OrderEvent>(actorId: string, version: number, eventType: E['eventType'], data: E['data']): E;
}

export function eventFactory(options: { newId?: () => string; now?: () => Date } = {}): EventFactory {
  const newId = options.newId ?? randomUUID;
  const now = options.now ?? (() => new Date());
  function next<E extends OrderEvent>(
    actorId: string,
    version: number,
    eventType: E['eventType'],
    data: E['data'],
  ): E {
    // The literal has exactly the fields of E; TypeScript cannot relate a generic pair of type and data.
    return { id: newId(), eventType, actorId, version, data, timestamp: now() } as E;
  }
  return { next };
}
