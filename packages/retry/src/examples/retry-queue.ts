// The "Retry queue" example of README.md (see simple.ts for how it is tested).
// README:start
import type { AnyEvent } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { type Clock, type DeadLetter, RetryQueue, systemClock } from '../index.js';

export async function main(clock: Clock = systemClock): Promise<string[]> {
  const lines: string[] = [];
  const store = new InMemoryEventStore();
  const event = (actorId: string, version: number, eventType: string): AnyEvent => ({
    id: `${actorId}-${eventType}`,
    eventType,
    actorId,
    version,
    data: {},
    timestamp: new Date(),
  });
  await store.saveEvent(event('order-1', 1, 'OrderPlaced'));
  await store.saveEvent(event('order-1', 2, 'OrderShipped'));

  const queue = new RetryQueue({
    store,
    capacity: 2,
    clock,
    // After a conflict the event is moved to the actor's next version, unless you say otherwise.
    rebase: (stale, currentVersion) => {
      if (stale.eventType === 'ItemAdded') throw new Error(`${stale.actorId} has shipped; no more items`);
      return { ...stale, version: currentVersion + 1 };
    },
    onSaved: (saved, attempts) =>
      lines.push(`saved ${saved.eventType} as v${saved.version} (${attempts} attempts)`),
    onDeadLetter: (letter: DeadLetter) => {
      lines.push(`dead letter: ${letter.event.eventType}: ${String(letter.error)}`);
    },
  });

  // enqueue() returns at once; a writer that read version 1 hands its events over and moves on.
  queue.enqueue(event('order-1', 2, 'NoteAdded'));
  queue.enqueue(event('order-1', 3, 'ItemAdded'));
  try {
    queue.enqueue(event('order-2', 1, 'OrderPlaced'));
  } catch (error) {
    lines.push(`refused: ${(error as Error).message}`);
  }
  await queue.close(); // waits until every accepted event is saved or dead-lettered
  lines.push(`stats: ${JSON.stringify(queue.stats)}`);
  return lines;
}
// README:end
