import type { Event } from '@aether/core';
import { runProjection } from '@aether/projections';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { jetstreamManager } from '@nats-io/jetstream';
import { expect, it } from 'vitest';
import { cleanup, testCheckpoints, testConnection, uniqueTestName } from '../test-support/nats.js';

type Counted = Event<'Counted', { n: number }>;

// A poison event in the middle of a JetStream store's log, with the runner on kvCheckpoints: it is
// parked once, under its position and error; every other event is applied; after a fix,
// re-playing it applies it and its key is deleted.
it('parks a poison event in KV with its position and error, applies every other one, and re-plays it after a fix', async () => {
  const nc = await testConnection();
  const storeName = uniqueTestName('parking');
  const store = await JetStreamEventStore.open(nc, { storeName });
  cleanup(async () => {
    await store.close();
    await (await jetstreamManager(nc)).streams.delete(store.stream).catch(() => undefined);
  });
  const checkpoints = testCheckpoints(nc, 'parking');
  const events = Array.from(
    { length: 40 },
    (_, index): Counted => ({
      id: `e-${index + 1}`,
      eventType: 'Counted',
      actorId: `actor-${index % 4}`,
      version: Math.floor(index / 4) + 1,
      data: { n: index + 1 },
      timestamp: new Date(),
    }),
  );
  for (const event of events) await store.saveEvent(event);
  let fixed = false;
  const applied = new Set<number>();
  const runner = runProjection<Counted, undefined>(
    store,
    {
      name: 'counts',
      async apply(batch) {
        if (!fixed && batch.some(({ event }) => event.data.n === 23)) throw new Error('cannot count 23');
        for (const { event } of batch) applied.add(event.data.n);
      },
    },
    { checkpoints, onPoison: 'park', maxAttempts: 2, batchSize: 10 },
  );
  try {
    await runner.whenCaughtUp({ timeoutMs: 30_000 });
    expect([...applied].sort((a, b) => a - b)).toEqual(
      events.map(({ data }) => data.n).filter((n) => n !== 23),
    );
    const parked = await checkpoints.parked('counts');
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({
      projection: 'counts',
      position: 23,
      error: 'cannot count 23',
      attempts: 2,
    });
    expect(parked[0]?.events.map(({ event }) => event.id)).toEqual(['e-23']);
    expect(runner.status()).toMatchObject({ parked: 1, position: 40 });

    fixed = true;
    expect(await runner.replayParked(23)).toBe(true);
    expect(applied.has(23)).toBe(true);
    expect(await checkpoints.parked('counts')).toEqual([]);
    expect(await runner.replayParked(23)).toBe(false);
  } finally {
    await runner.stop();
  }
});
