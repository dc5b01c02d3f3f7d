import type {
  AnyEvent,
  EventLog,
  EventStore,
  EventSubscription,
  Position,
  RecordedEvent,
} from '@aether/core';

/** A store with the log's half: what the log suites test. */
export type LogStore = EventStore & EventLog;

/** A batch of `count` sample-shaped events of one actor, versions `from`, `from + 1`... */
export function batchOf(
  newId: (label: string) => string,
  actorId: string,
  from: number,
  count: number,
  eventType = 'ItemAdded',
): AnyEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: newId('event'),
    eventType,
    actorId,
    version: from + index,
    data: { n: from + index },
    timestamp: new Date(Date.UTC(2024, 0, 1, 0, 0, 0, from + index)),
  }));
}

/** The recorded events of these actors only (a shared store holds other tests' events too). */
export function ofActors(recorded: readonly RecordedEvent[], actorIds: readonly string[]): RecordedEvent[] {
  const wanted = new Set(actorIds);
  return recorded.filter(({ event }) => wanted.has(event.actorId));
}

/**
 * Reads `subscription` until `done(received)` holds, and returns what it received; fails after
 * `timeoutMs` with what it had, rather than hanging a test.
 */
export async function collect(
  subscription: EventSubscription,
  done: (received: readonly RecordedEvent[]) => boolean,
  timeoutMs = 10_000,
): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  if (done(received)) return received;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void subscription.close();
      reject(
        new Error(
          `subscription delivered ${received.length} events in ${timeoutMs} ms, not what the test waits for`,
        ),
      );
    }, timeoutMs);
  });
  const reading = (async () => {
    for await (const recorded of subscription) {
      received.push(recorded);
      if (done(received)) break;
    }
    return received;
  })();
  try {
    return await Promise.race([reading, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every event of a subscription that ends by itself (`live: false`). */
export async function drain(subscription: EventSubscription, timeoutMs = 10_000): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  let ended = false;
  const reading = (async () => {
    for await (const recorded of subscription) received.push(recorded);
    ended = true;
  })();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    reading,
    new Promise<void>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`subscription did not end within ${timeoutMs} ms`)),
        timeoutMs,
      );
    }),
  ]).finally(() => clearTimeout(timer));
  if (!ended) throw new Error('subscription did not end');
  return received;
}

/** Positions as the suite compares them: each position once per event, in order. */
export function positionsOf(recorded: readonly RecordedEvent[]): Position[] {
  return recorded.map(({ position }) => position);
}
