/**
 * A writer process of the projection tests: it saves events to actors it shares with the other
 * writers (each save reads the actor's version and saves the next, so writers race and lose with
 * version conflicts), until it has saved `count` events or `durationMs` has passed. Built to
 * `dist/test-support/processes/racing-writer.js`, run with `node` and the JSON `RacingWriterTask`
 * as its only argument. JSON lines on stdout: `{"type":"ready"}` once its store is open (then it
 * waits for `go` on stdin), `{"type":"progress","saved"}` every 100 saves, and at the end
 * `{"type":"report","saved","conflicts","retried"}`.
 */
import { isRetryable, isVersionConflict } from '@aether/core';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { fail, onCommands, send } from './stdio.js';

export interface RacingWriterTask {
  /** The servers to connect to, the preferred one first. */
  servers: string[];
  storeName: string;
  replicas?: number;
  actorIds: string[];
  /** Names its event ids: `<worker>-<n>`. */
  worker: string;
  /** Saves to make; 0 for as many as `durationMs` allows. */
  count: number;
  durationMs?: number;
  /** A wait after each save, to write at a known pace. */
  intervalMs?: number;
  /** Bytes of padding in each event's data (a bigger event makes buffering show in the heap). */
  padBytes?: number;
}

export interface RacingWriterReport {
  type: 'report';
  saved: number;
  conflicts: number;
  /** Retryable failures (a node or leader gone) that were tried again. */
  retried: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function write(task: RacingWriterTask, store: JetStreamEventStore): Promise<RacingWriterReport> {
  const report: RacingWriterReport = { type: 'report', saved: 0, conflicts: 0, retried: 0 };
  const pad = 'x'.repeat(task.padBytes ?? 0);
  const until = task.durationMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + task.durationMs;
  for (let attempt = 0; (task.count === 0 || report.saved < task.count) && Date.now() < until; attempt++) {
    const actorId = task.actorIds[Math.floor(Math.random() * task.actorIds.length)] as string;
    try {
      const version = (await store.getLatestVersion(actorId)) + 1;
      await store.saveEvent({
        id: `${task.worker}-${attempt}`,
        eventType: 'Counted',
        actorId,
        version,
        data: { worker: task.worker, amount: (attempt % 7) + 1, pad },
        timestamp: new Date(),
      });
      report.saved++;
      if (report.saved % 100 === 0) send({ type: 'progress', saved: report.saved });
    } catch (err) {
      if (isVersionConflict(err)) report.conflicts++;
      else if (isRetryable(err)) {
        report.retried++;
        await pause(50);
      } else throw err;
    }
    if (task.intervalMs !== undefined) await pause(task.intervalMs);
  }
  return report;
}

async function run(task: RacingWriterTask): Promise<void> {
  const store = await JetStreamEventStore.connect({
    servers: task.servers,
    storeName: task.storeName,
    replicas: task.replicas ?? 1,
    connection: {
      name: `racing-writer-${task.worker}`,
      noRandomize: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 50,
    },
  });
  send({ type: 'ready' });
  onCommands(async (line) => {
    if (line !== 'go') return;
    try {
      send(await write(task, store));
    } finally {
      await store.close();
      process.stdin.destroy();
    }
  });
}

run(JSON.parse(process.argv[2] ?? '{}') as RacingWriterTask).catch(fail);
