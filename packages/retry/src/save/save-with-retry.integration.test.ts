import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AnyEvent } from '@aether/core';
import { dropStoreStreamsAfterAll, natsUrl } from '@aether/nats-harness/vitest';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { describe, expect, it } from 'vitest';
import { exponentialWithJitter } from '../backoff/jitter.js';
import { RetryQueue } from '../queue/retry-queue.js';
import { lineAdded, linesReducer } from '../test-support/order.js';
import { SAVE_WORKER, startSaveWorker } from '../test-support/worker-processes.js';
import { saveWithRetry } from './save-with-retry.js';

const dropAfterAll = dropStoreStreamsAfterAll();

/** A store on its own stream, deleted after the file's tests. */
async function openStore(label: string) {
  const options = { storeName: `t-retry-${label}-${randomUUID().slice(0, 8)}` };
  const store = await JetStreamEventStore.connect({ servers: natsUrl(), ...options });
  dropAfterAll(store.stream);
  return { store, options };
}

describe('saveWithRetry on JetStream', () => {
  it('the worker has been built', () => {
    expect(existsSync(SAVE_WORKER), `${SAVE_WORKER} (run the build first)`).toBe(true);
  });

  it('4 OS processes writing 25 events each to one actor: every write lands once, versions contiguous', async () => {
    const { store, options } = await openStore('procs');
    try {
      const actorId = `order-${randomUUID()}`;
      const writers = 4;
      const events = 25;
      const workers = Array.from({ length: writers }, (_, index) =>
        startSaveWorker({ servers: natsUrl(), store: options, actorId, writer: `p${index}`, events }),
      );
      await Promise.all(workers.map((worker) => worker.ready));
      for (const worker of workers) worker.child.stdin?.end('go\n');
      const reports = await Promise.all(workers.map((worker) => worker.done));

      const stored = await store.getEvents(actorId);
      const total = writers * events;
      expect(stored.map((event) => event.version)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      const ids = stored.map((event) => event.id);
      expect(new Set(ids).size).toBe(total);
      for (let writer = 0; writer < writers; writer++) {
        const own = stored
          .filter((event) => event.data.writer === `p${writer}`)
          .map((event) => event.data.seq);
        expect(own).toEqual(Array.from({ length: events }, (_, i) => i + 1));
      }
      // What each process was told it saved is what the store holds.
      const reported = reports.flatMap((report) => report.versions).sort((a, b) => a - b);
      expect(reported).toEqual(stored.map((event) => event.version));
      expect(reports.every((report) => report.saved === events)).toBe(true);
      // The writers really did collide, or this test would prove nothing.
      expect(reports.reduce((sum, report) => sum + report.retries, 0)).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 120_000);

  // Every losing attempt reads the actor again and retries within 20 ms: 20 writers took 25-40 s
  // with two whole test runs side by side, over 120 s with more; 10 race just as hard and need
  // about a quarter of the attempts.
  it('10 concurrent writers in one process, with a reducer: all land, versions contiguous', async () => {
    const { store } = await openStore('inproc');
    try {
      const actorId = `order-${randomUUID()}`;
      let retries = 0;
      await Promise.all(
        Array.from({ length: 10 }, async (_, writer) => {
          for (let seq = 1; seq <= 3; seq++) {
            const result = await saveWithRetry(
              store,
              actorId,
              (version) => lineAdded(actorId, version + 1, `w${writer}`, seq),
              {
                reducer: linesReducer,
                initialState: { lines: [] as string[] },
                maxAttempts: 200,
                backoff: exponentialWithJitter({ initialDelayMs: 1, maxDelayMs: 20 }),
                onRetry: () => retries++,
              },
            );
            expect(result.state.lines.at(-1)).toBe(`w${writer}#${seq}`);
            expect(result.state.lines).toHaveLength(result.event.version);
          }
        }),
      );
      const stored = await store.getEvents(actorId);
      expect(stored.map((event) => event.version)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(retries).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 240_000);

  it('a RetryQueue re-bases conflicting events onto the real stream', async () => {
    const { store } = await openStore('queue');
    try {
      const actorId = `order-${randomUUID()}`;
      const deadLetters: unknown[] = [];
      const queue = new RetryQueue({
        store,
        onDeadLetter: (letter) => void deadLetters.push(letter),
        backoff: exponentialWithJitter({ initialDelayMs: 1 }),
      });
      await store.saveEvent(lineAdded(actorId, 1, 'direct', 1));
      await store.saveEvent(lineAdded(actorId, 2, 'direct', 2));
      const stale: AnyEvent[] = [lineAdded(actorId, 1, 'queued', 1), lineAdded(actorId, 2, 'queued', 2)];
      for (const event of stale) queue.enqueue(event);
      await queue.close();
      expect(deadLetters).toEqual([]);
      const stored = await store.getEvents(actorId);
      expect(
        stored.map((event) => `${event.version}:${String(event.data.writer)}#${String(event.data.seq)}`),
      ).toEqual(['1:direct#1', '2:direct#2', '3:queued#1', '4:queued#2']);
      expect(stored.slice(2).map((event) => event.id)).toEqual(stale.map((event) => event.id));
    } finally {
      await store.close();
    }
  });
});
