import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { natsUrl } from '@aether/nats-harness/vitest';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { expect } from 'vitest';
import { cleanup, testBucket, testConnection, uniqueTestName } from './nats.js';
import type { ProjectionWorkerTask } from './processes/projection-worker.js';
import { idempotentModel, oracle, readApplied } from './read-model.js';
import { spawnProjectionWorker, spawnRacingWriter, type WorkerProcess } from './worker-processes.js';

/** A stream of its own, a checkpoint bucket of its own, and a file for the read model; all removed after. */
export interface Scenario {
  nc: NatsConnection;
  store: JetStreamEventStore;
  appliedFile: string;
  /** Starts a projection worker with these settings (and `overrides`). */
  worker(holder: string, overrides?: Partial<ProjectionWorkerTask>): WorkerProcess;
  /** Starts `count` writer processes racing on `actorIds`; resolves once they all write. */
  writers(count: number, actorIds: string[], perWriter: number): Promise<WorkerProcess[]>;
  /** Stops the writers and resolves once they have exited, with the events they saved. */
  stopWriters(writers: WorkerProcess[]): Promise<number>;
  /** Checks the read model against the oracle from `readAll`; returns applications and events. */
  expectReadModelEqualsOracle(): Promise<{ applications: number; events: number }>;
}

export async function scenario(
  label: string,
  settings: Pick<ProjectionWorkerTask, 'leaseTtlMs' | 'batchSize' | 'applyMs'>,
): Promise<Scenario> {
  const nc = await testConnection();
  const storeName = uniqueTestName(label);
  const store = await JetStreamEventStore.open(nc, { storeName });
  cleanup(async () => {
    await store.close();
    await (await jetstreamManager(nc)).streams.delete(store.stream).catch(() => undefined);
  });
  const bucket = testBucket(nc, label);
  const dir = mkdtempSync(join(tmpdir(), 'aether-projections-nats-'));
  cleanup(() => rmSync(dir, { recursive: true, force: true }));
  const appliedFile = join(dir, 'applied.tsv');
  writeFileSync(appliedFile, '');
  const servers = natsUrl();
  return {
    nc,
    store,
    appliedFile,
    worker: (holder, overrides = {}) =>
      spawnProjectionWorker({
        servers,
        storeName,
        bucket,
        projection: 'balances',
        holder,
        appliedFile,
        ...settings,
        ...overrides,
      }),
    async writers(count, actorIds, perWriter) {
      const writers = Array.from({ length: count }, (_, index) =>
        spawnRacingWriter({ servers, storeName, writer: `writer-${index}`, actorIds, count: perWriter }),
      );
      await Promise.all(
        writers.map((writer) =>
          writer.next('open its store', (m) => m.type === 'ready', { timeoutMs: 30_000 }),
        ),
      );
      for (const writer of writers) writer.send('go');
      return writers;
    },
    async stopWriters(writers) {
      for (const writer of writers) writer.send('stop');
      const reports = await Promise.all(
        writers.map((writer) => writer.next('report', (m) => m.type === 'report', { timeoutMs: 60_000 })),
      );
      for (const writer of writers) expect(await writer.exit(30_000)).toBe(0);
      return reports.reduce((sum, report) => sum + (report.acked as number), 0);
    },
    async expectReadModelEqualsOracle() {
      const expected = await oracle(store);
      const applied = readApplied(appliedFile);
      const model = idempotentModel(applied);
      const missing = [...expected.keys()].filter((key) => !model.has(key));
      expect(missing, 'events never applied').toEqual([]);
      const wrong = applied.filter(({ key, position }) => expected.get(key) !== position);
      expect(wrong, 'applications of an event that is not at that position of the log').toEqual([]);
      expect(model.size).toBe(expected.size);
      return { applications: applied.length, events: expected.size };
    },
  };
}
