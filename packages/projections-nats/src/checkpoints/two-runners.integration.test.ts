import type { Event } from '@aether/core';
import { runProjection } from '@aether/projections';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { jetstreamManager } from '@nats-io/jetstream';
import { expect, it } from 'vitest';
import { cleanup, testBucket, testConnection, uniqueTestName } from '../test-support/nats.js';
import { kvCheckpoints } from './kv-checkpoints.js';

type Counted = Event<'Counted', { n: number }>;

// Two workers of one projection started at the same moment, each with checkpoints of its own on
// the same bucket: one takes the lease and applies, the other waits in standby. When the first
// stops (releasing its lease), the second takes over at once and goes on from the committed
// position: every event is applied, none by both.
it('runs one of two workers started at once, and hands over to the other from the committed position when it stops', async () => {
  const nc = await testConnection();
  const storeName = uniqueTestName('two-runners');
  const store = await JetStreamEventStore.open(nc, { storeName });
  cleanup(async () => {
    await store.close();
    await (await jetstreamManager(nc)).streams.delete(store.stream).catch(() => undefined);
  });
  const bucket = testBucket(nc, 'two-runners');
  const save = async (from: number, count: number) => {
    for (let n = from; n < from + count; n++) {
      await store.saveEvent({
        id: `e-${n}`,
        eventType: 'Counted',
        actorId: 'counter',
        version: n,
        data: { n },
        timestamp: new Date(),
      });
    }
  };
  await save(1, 20);
  const appliedBy = new Map<number, string>();
  const start = (holder: string) =>
    runProjection<Counted, undefined>(
      store,
      {
        name: 'counts',
        async apply(batch) {
          for (const { event } of batch) {
            expect(appliedBy.get(event.data.n), `event ${event.data.n} applied twice`).toBeUndefined();
            appliedBy.set(event.data.n, holder);
          }
        },
      },
      { checkpoints: kvCheckpoints(nc, { bucket }), holder, leaseTtlMs: 60_000 },
    );
  const runners = [start('first'), start('second')];
  try {
    const live = await Promise.any(
      runners.map(async (runner) => {
        await runner.whenProcessed(20, { timeoutMs: 30_000 });
        return runner;
      }),
    );
    const standby = runners.find((runner) => runner !== live);
    if (standby === undefined) throw new Error('one runner expected in standby');
    expect(standby.status().state).toBe('standby');
    expect(new Set(appliedBy.values())).toEqual(new Set([live.status().holder]));

    await live.stop();
    await save(21, 10);
    // The lease was released, so the standby worker needs no expiry to take over.
    await standby.whenProcessed(30, { timeoutMs: 30_000 });
    expect([...appliedBy.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(appliedBy.get(30)).toBe(standby.status().holder);
  } finally {
    await Promise.all(runners.map((runner) => runner.stop()));
  }
});
