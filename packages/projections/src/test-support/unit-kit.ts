import { randomUUID } from 'node:crypto';
import type { AnyEvent, EventLog, EventSubscription, LogSubscribeOptions, RecordedEvent } from '@aether/core';
import type { InMemoryEventStore } from '@aether/store-memory';
import type { Projection } from '../projection.js';

/** An event of `actorId` at `version`, saved (by its timestamp) at `version` seconds. */
export const event = (actorId: string, version: number, eventType = 'Added'): AnyEvent => ({
  id: randomUUID(),
  eventType,
  actorId,
  version,
  data: { n: version },
  timestamp: new Date(1_000 * version),
});

/** A projection that records every batch it was given, optionally failing on some events. */
export function recording(
  name = `p-${randomUUID().slice(0, 8)}`,
  fails?: (recorded: RecordedEvent) => boolean,
) {
  const batches: RecordedEvent[][] = [];
  const projection: Projection = {
    name,
    async apply(batch) {
      const bad = batch.find((recorded) => fails?.(recorded));
      if (bad !== undefined) throw new Error(`cannot apply position ${bad.position}`);
      batches.push([...batch]);
    },
  };
  const applied = () => batches.flat();
  return { projection, batches, applied };
}

/** Saves versions 1..count of `actorId`, one event at a time. */
export async function fill(store: InMemoryEventStore, actorId: string, count: number): Promise<void> {
  for (let version = 1; version <= count; version++) await store.saveEvent(event(actorId, version));
}

/** Lets the program run a few macrotask turns (promises, setImmediate), without time passing. */
export async function turns(count = 10): Promise<void> {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** Turns until `condition` holds (at most `limit` turns, then throws naming `what`). */
export async function turnUntil(what: string, condition: () => boolean, limit = 10_000): Promise<void> {
  for (let turn = 0; turn < limit; turn++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`${what}: not reached within ${limit} turns`);
}

/**
 * `store`'s log, with what a test needs to see or break: the subscriptions opened and closed, a
 * head moved by `headOffset` (a position holding no event, as a save that lost a race leaves on a
 * replicated stream), and `failNext`, which makes the next subscription fail after it has handed
 * out `after` events.
 */
export function observedLog(store: InMemoryEventStore) {
  const log = {
    opened: 0,
    closed: 0,
    headOffset: 0,
    failNext: undefined as { after: number; error: Error } | undefined,
  };
  const wrapped: EventLog = {
    headPosition: async () => (await store.headPosition()) + log.headOffset,
    readAll: (options) => store.readAll(options),
    subscribe(options?: LogSubscribeOptions): EventSubscription {
      const inner = store.subscribe(options);
      log.opened++;
      const failure = log.failNext;
      log.failNext = undefined;
      let closed = false;
      const close = async () => {
        if (!closed) log.closed++;
        closed = true;
        await inner.close();
      };
      return {
        caughtUp: inner.caughtUp,
        close,
        async *[Symbol.asyncIterator]() {
          let handed = 0;
          for await (const recorded of inner) {
            if (failure !== undefined && handed === failure.after) throw failure.error;
            handed++;
            yield recorded;
          }
        },
      };
    },
  };
  return { log, store: wrapped };
}
