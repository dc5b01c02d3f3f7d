import type { RecordedEvent } from '@aether/core';
import { cleanup, uniqueTestName } from '@aether/nats-harness/test-connection';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { jetstreamManager } from '@nats-io/jetstream';

type Connection = Parameters<typeof JetStreamEventStore.open>[0];

/** Opens a store (by default with a name no other test uses); after the file's tests it is closed and its streams deleted. */
export async function testStore(
  nc: Connection,
  options: { storeName?: string; replicas?: number; timeout?: number } = {},
): Promise<JetStreamEventStore> {
  const store = await JetStreamEventStore.open(nc, { storeName: uniqueTestName('projection'), ...options });
  cleanup(async () => {
    await store.close();
    if (nc.isClosed()) return;
    const jsm = await jetstreamManager(nc);
    for (const name of [store.stream, `KV_${store.stream}-snapshots`])
      await jsm.streams.delete(name).catch(() => undefined);
  });
  return store;
}

/** Every event of the log, read in pages: what an oracle is computed from. */
export async function readWholeLog(store: JetStreamEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: events.at(-1)?.position ?? 0, limit: 1_000 });
    if (page.length === 0) return events;
    events.push(...page);
  }
}

/** `count` actor ids starting with `prefix`, shared by every writer of a test. */
export function actorIds(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
}

/**
 * Saves `events` events over `actors` actors (versions 1, 2, ... each), 200 at a time; the event
 * saved `index`-th gets the id `ids(index)` when given. Returns the actor ids.
 */
export async function fillLog(
  store: JetStreamEventStore,
  options: { prefix: string; actors: number; events: number; id?: (index: number) => string },
): Promise<string[]> {
  const actors = actorIds(options.prefix, options.actors);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < options.events; index = next++) {
      await store.saveEvent({
        id: options.id?.(index) ?? `${options.prefix}-e${index}`,
        eventType: 'Counted',
        actorId: actors[index % options.actors] as string,
        version: Math.floor(index / options.actors) + 1,
        data: { amount: (index % 7) + 1 },
        timestamp: new Date(),
      });
    }
  };
  // An actor's versions are saved in the order of the calls (the store queues them per actor).
  await Promise.all(Array.from({ length: 200 }, worker));
  return actors;
}
