import type { EventSubscription, RecordedEvent } from '@aether/core';
import type { JetStreamEventStore } from '../jetstream-event-store.js';
import { makeEvent } from './nats.js';

/**
 * Saves `events` events over `actors` actors (versions 1, 2, ... each), many at a time: a log to
 * read. Returns the actor ids.
 */
export async function fillLog(
  store: JetStreamEventStore,
  options: { prefix: string; actors: number; events: number; inFlight?: number },
): Promise<string[]> {
  const actorIds = Array.from({ length: options.actors }, (_, index) => `${options.prefix}-${index}`);
  const inFlight = options.inFlight ?? 500;
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < options.events; index = next++) {
      const actorId = actorIds[index % options.actors] as string;
      await store.saveEvent(makeEvent(actorId, Math.floor(index / options.actors) + 1));
    }
  };
  // An actor's versions are saved in the order the calls were made (the store queues them per actor).
  await Promise.all(Array.from({ length: inFlight }, worker));
  return actorIds;
}

/** Reads `subscription` until `done`, calling `each` on every event; returns what it read. */
export async function readUntil(
  subscription: EventSubscription,
  done: (read: readonly RecordedEvent[]) => boolean,
  each?: (recorded: RecordedEvent, read: readonly RecordedEvent[]) => void | Promise<void>,
): Promise<RecordedEvent[]> {
  const read: RecordedEvent[] = [];
  if (done(read)) return read;
  for await (const recorded of subscription) {
    read.push(recorded);
    await each?.(recorded, read);
    if (done(read)) break;
  }
  return read;
}

/** True when `positions` is `from`, `from + 1`, ... `to`: every position once, in order. */
export function isEveryPosition(positions: readonly number[], from: number, to: number): boolean {
  return (
    positions.length === to - from + 1 && positions.every((position, index) => position === from + index)
  );
}
