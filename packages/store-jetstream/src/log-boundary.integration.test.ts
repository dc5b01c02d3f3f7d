import { randomUUID } from 'node:crypto';
import { natsUrl } from '@aether/nats-harness/vitest';
import { describe, expect, it } from 'vitest';
import { isEveryPosition, readUntil } from './test-support/log-kit.js';
import { testConnection, testStore, uniqueStoreName } from './test-support/nats.js';
import { spawnLogWriter } from './test-support/worker-processes.js';

const processes = 4;
const actorsPerProcess = 2;
const eventsPerActor = 1_500;

describe('a subscription started while writers append flat out', () => {
  it(`delivers every position of the stream in order, none missing, none twice, from catch-up into live (${processes} processes, ${processes * actorsPerProcess} writers)`, async () => {
    const nc = await testConnection();
    const storeName = uniqueStoreName('log-boundary');
    const store = await testStore(nc, { storeName });
    const writers = Array.from({ length: processes }, (_, index) =>
      spawnLogWriter({
        servers: natsUrl(),
        storeName,
        actorIds: Array.from(
          { length: actorsPerProcess },
          (_, n) => `boundary-${index}-${n}-${randomUUID()}`,
        ),
        batch: 1,
        batches: eventsPerActor,
      }),
    );
    let saved = 0;
    const underWay = new Promise<void>((resolve) => {
      for (const writer of writers) {
        writer.onMessage((message) => {
          if (message.type === 'saved' && ++saved === 2_000) resolve();
        });
      }
    });
    await Promise.all(writers.map((writer) => writer.ready));
    for (const writer of writers) writer.start();
    await underWay;

    const subscription = store.subscribe();
    const total = processes * actorsPerProcess * eventsPerActor;
    const reading = readUntil(subscription, (events) => events.length === total);
    await Promise.all(writers.map((writer) => writer.report));
    const read = await reading;
    const caughtUp = await subscription.caughtUp;
    await subscription.close();

    const head = await store.headPosition();
    expect(head).toBe(total);
    expect(
      isEveryPosition(
        read.map(({ position }) => position),
        1,
        head,
      ),
    ).toBe(true);
    // It started while the writers were under way: it caught up somewhere in the middle.
    expect(caughtUp).toBeGreaterThanOrEqual(2_000);
    expect(caughtUp).toBeLessThan(total);
    console.log(
      `[log boundary] ${total} events from 8 writers in 4 processes; caught up at ${caughtUp}, then live`,
    );
  }, 240_000);
});
