import { randomUUID } from 'node:crypto';
import { testConnection } from '@aether/nats-harness/test-connection';
import { natsUrl } from '@aether/nats-harness/vitest';
import { describe, expect, it } from 'vitest';
import type { ProjectionStatus } from '../runner/projection-runner.js';
import { actorIds, readWholeLog, testStore } from '../test-support/jetstream-kit.js';
import { type ActorTotals, oracle } from '../test-support/processes/read-model.js';
import { runWriters, spawnRacingWriters, spawnSlowProjection } from '../test-support/worker-processes.js';

/** How long the writers write while the projection applies slowly. */
const slowMs = 60_000;
/** The stated bound on the projection process's heap growth (after a full collection) meanwhile. */
const heapBound = 4 * 2 ** 20;

interface Sample {
  status: ProjectionStatus;
  heapBytes: number;
  applied: number;
}

describe('a projection whose apply is 10x slower than the writers, for 60 s', () => {
  it('holds bounded memory while its lag in events and seconds grows, then drains it to 0', async () => {
    const store = await testStore(await testConnection());
    const actors = actorIds(`slow-${randomUUID().slice(0, 8)}`, 10);
    // 4 writers, a save each 40 ms or so: about 90 events/s, each with 2 KiB of padding, so that
    // buffering the backlog would show in the heap. The projection takes 170 ms an event: 6/s.
    const writers = spawnRacingWriters(4, {
      servers: [natsUrl()],
      storeName: store.config.storeName,
      actorIds: actors,
      count: 0,
      durationMs: slowMs,
      intervalMs: 40,
      padBytes: 2_048,
    });
    const projection = spawnSlowProjection({
      servers: [natsUrl()],
      storeName: store.config.storeName,
      name: 'slow-totals',
      batchSize: 50,
      perEventMs: 170,
    });
    await projection.ready;
    const writing = runWriters(writers);
    const samples: Sample[] = [];
    // Real time is what is tested here: a projection that stays slow for this long.
    for (let elapsed = 0; elapsed < slowMs; elapsed += 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      samples.push(await projection.ask<Sample>('status'));
    }
    const reports = await writing;
    const saved = reports.reduce((sum, report) => sum + report.saved, 0);
    const slowest = samples.at(-1) as Sample;
    await projection.ask('fast');
    const caughtUp = await projection.ask<{
      position: number;
      rows: Array<[string, ActorTotals]>;
      appliedTwice: string[];
      outOfOrder: string[];
    }>('caught-up 120000');
    const drained = await projection.ask<Sample>('status');

    const [first] = samples as [Sample];
    const growth = Math.max(...samples.map((sample) => sample.heapBytes)) - first.heapBytes;
    const ratio = saved / slowest.applied;
    console.log(
      `[slow apply] ${saved} events saved by 4 writers in ${slowMs / 1000} s, ${slowest.applied} applied meanwhile ` +
        `(${ratio.toFixed(1)}x slower); lag ${samples.map((s) => s.status.lagEvents).join(', ')} events, ` +
        `${samples.map((s) => s.status.lagSeconds.toFixed(0)).join(', ')} s, every 5 s; heap ${(first.heapBytes / 2 ** 20).toFixed(1)} MiB ` +
        `at 5 s, at most ${(growth / 2 ** 20).toFixed(2)} MiB more (bound ${heapBound / 2 ** 20} MiB); ` +
        `drained to lag ${drained.status.lagEvents} at position ${caughtUp.position}`,
    );
    // 15x by design; a busy machine slows the writers more than the sleeping projection, so what
    // is asserted is that they kept far ahead, and the lag checks below say by how much.
    expect(ratio).toBeGreaterThan(3);
    // The lag grows: in events and in seconds, from the first sample to the last.
    expect(slowest.status.lagEvents).toBeGreaterThan(first.status.lagEvents + 1_000);
    expect(slowest.status.lagSeconds).toBeGreaterThan(first.status.lagSeconds + 30);
    // Buffering a backlog of thousands of 2 KiB events would cost tens of MiB.
    expect(growth).toBeLessThan(heapBound);
    // Then it drains: every event applied once, the read model equal to the oracle.
    expect(drained.status).toMatchObject({ lagEvents: 0, lagSeconds: 0, state: 'live' });
    const log = await readWholeLog(store);
    expect(log).toHaveLength(saved);
    expect(caughtUp.position).toBe(log.at(-1)?.position);
    expect(caughtUp.rows).toEqual(oracle(log).rows());
    expect(caughtUp.appliedTwice).toEqual([]);
    expect(caughtUp.outOfOrder).toEqual([]);
    await projection.ask('exit');
    await projection.report;
  }, 180_000);
});
