import { randomUUID } from 'node:crypto';
import { natsUrl } from '@aether/nats-harness/vitest';
import { describe, expect, it } from 'vitest';
import { testConnection, testStore, uniqueStoreName } from './test-support/nats.js';
import { spawnAppendWorker } from './test-support/worker-processes.js';

const workers = 4;
const eventsPerWorker = 250;

describe('writers in separate OS processes', () => {
  it(`${workers} processes appending ${eventsPerWorker} events each to one actor leave versions 1..${workers * eventsPerWorker}, ` +
    'every acknowledged event exactly once', async () => {
    const nc = await testConnection();
    const storeName = uniqueStoreName('processes');
    // The test creates the stream; the workers find it in place.
    const store = await testStore(nc, { storeName });
    const actorId = `contended-${randomUUID()}`;

    const processes = Array.from({ length: workers }, (_, index) =>
      spawnAppendWorker({
        servers: natsUrl(),
        storeName,
        actorId,
        worker: `w${index + 1}`,
        count: eventsPerWorker,
      }),
    );
    expect(new Set([process.pid, ...processes.map((worker) => worker.pid)]).size).toBe(workers + 1);
    await Promise.all(processes.map((worker) => worker.ready));
    const started = performance.now();
    for (const worker of processes) worker.start();
    const reports = await Promise.all(processes.map((worker) => worker.report));
    const elapsedMs = Math.round(performance.now() - started);

    const events = await store.getEvents(actorId);
    const total = workers * eventsPerWorker;
    expect(events).toHaveLength(total);
    expect(events.map((event) => event.version)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(events.map((event) => event.id)).size).toBe(total);
    expect(await store.getLatestVersion(actorId)).toBe(total);

    // Every save a worker saw succeed is stored once, at the version it was acknowledged with.
    const storedVersionOf = new Map(events.map((event) => [event.id, event.version]));
    const acked = reports.flatMap((report) => report.acked);
    expect(acked).toHaveLength(total);
    for (const { id, version } of acked) expect(storedVersionOf.get(id), id).toBe(version);
    for (const report of reports) {
      expect(report.acked.map((event) => event.id)).toEqual(
        Array.from({ length: eventsPerWorker }, (_, n) => `${report.worker}-${n}`),
      );
    }

    const conflicts = reports.reduce((sum, report) => sum + report.conflicts, 0);
    const retryable = reports.reduce((sum, report) => sum + report.retryableErrors, 0);
    console.log(
      `[cross-process] ${workers} processes x ${eventsPerWorker} appends to one actor in ${elapsedMs} ms: ` +
        `${conflicts} version conflicts, each followed by a re-read and a retry (${reports
          .map((report) => `${report.worker}: ${report.conflicts}`)
          .join(', ')}); ${retryable} retryable errors`,
    );
    // Four writers on one actor must collide: if they never did, the test proved nothing.
    expect(conflicts).toBeGreaterThan(0);
  }, 180_000);
});
