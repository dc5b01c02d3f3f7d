import { randomUUID } from 'node:crypto';
import { isVersionConflict } from '@aether/core';
import type { JetStreamEventStore } from '../jetstream-event-store.js';
import { makeEvent } from './nats.js';

/** How far the workload got: the steps done, and the one that failed with its error and duration. */
export interface WorkloadOutcome {
  completed: string[];
  failed?: { step: string; error: unknown; ms: number };
}

/**
 * Everything an application does with a store, one step at a time: open it, save, lose a race
 * (`VersionConflictError`), retry a save from another store (a duplicate JetStream recognises),
 * read the latest version and the events, save and read a snapshot, save two events together,
 * read and follow the log. `open` makes a store (a new connection each time). Stops at the first
 * step that fails.
 */
export async function storeWorkload(open: () => Promise<JetStreamEventStore>): Promise<WorkloadOutcome> {
  const completed: string[] = [];
  const stores: JetStreamEventStore[] = [];
  const actorId = `workload-${randomUUID()}`;
  const first = makeEvent(actorId, 1);
  let store: JetStreamEventStore | undefined;
  const steps: [string, () => Promise<void>][] = [
    [
      'open',
      async () => {
        store = await open();
        stores.push(store);
      },
    ],
    ['saveEvent', () => (store as JetStreamEventStore).saveEvent(first)],
    [
      'conflict',
      async () => {
        const lost = await (store as JetStreamEventStore).saveEvent(makeEvent(actorId, 1)).then(
          () => new Error('a second version 1 was accepted'),
          (err: unknown) => (isVersionConflict(err) ? undefined : err),
        );
        if (lost !== undefined) throw lost;
      },
    ],
    [
      'retried save',
      async () => {
        const other = await open();
        stores.push(other);
        await other.saveEvent(first); // no cached head: published again, a duplicate for JetStream
      },
    ],
    ['getLatestVersion', () => expectValue((store as JetStreamEventStore).getLatestVersion(actorId), 1)],
    [
      'getEvents',
      async () => {
        const events = await (store as JetStreamEventStore).getEvents(actorId);
        if (events.length !== 1 || events[0]?.id !== first.id)
          throw new Error('getEvents read the wrong events');
      },
    ],
    [
      'saveSnapshot',
      () =>
        (store as JetStreamEventStore).saveSnapshot({
          actorId,
          version: 1,
          state: { n: 1 },
          timestamp: new Date(),
        }),
    ],
    [
      'getLatestSnapshot',
      async () => {
        const snapshot = await (store as JetStreamEventStore).getLatestSnapshot(actorId);
        if (snapshot?.version !== 1) throw new Error('getLatestSnapshot read the wrong snapshot');
      },
    ],
    [
      'saveEvents',
      () => (store as JetStreamEventStore).saveEvents([makeEvent(actorId, 2), makeEvent(actorId, 3)]),
    ],
    ['headPosition', async () => void (await (store as JetStreamEventStore).headPosition())],
    [
      'readAll',
      async () => {
        const read = await (store as JetStreamEventStore).readAll();
        if (read.filter(({ event }) => event.actorId === actorId).length !== 3)
          throw new Error('readAll read the wrong events');
      },
    ],
    [
      'subscribe',
      async () => {
        let count = 0;
        for await (const { event } of (store as JetStreamEventStore).subscribe({ live: false })) {
          if (event.actorId === actorId) count++;
        }
        if (count !== 3) throw new Error(`subscribe delivered ${count} events of the actor, not 3`);
      },
    ],
  ];
  try {
    for (const [step, run] of steps) {
      const started = performance.now();
      try {
        await run();
      } catch (error) {
        return { completed, failed: { step, error, ms: Math.round(performance.now() - started) } };
      }
      completed.push(step);
    }
    return { completed };
  } finally {
    await Promise.all(stores.map((opened) => opened.close()));
  }
}

async function expectValue(actual: Promise<number>, expected: number): Promise<void> {
  const value = await actual;
  if (value !== expected) throw new Error(`expected ${expected}, read ${value}`);
}
