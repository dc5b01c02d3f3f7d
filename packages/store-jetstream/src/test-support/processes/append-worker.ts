/**
 * One writer process of the cross-process concurrency test (`concurrency.integration.test.ts`).
 * Built to `dist/test-support/processes/append-worker.js` and run with `node`, the JSON
 * `WorkerTask` as its only argument. It talks JSON lines on stdout:
 *
 * 1. `{"type":"ready"}` once its store is open; then it waits for a line on stdin, so that every
 *    worker starts appending at the same moment;
 * 2. appends `count` events to the same actor as the other workers: each one at
 *    `getLatestVersion() + 1`, reading the version again after a `VersionConflictError`, and
 *    sending the very same event again after a retryable error (it may have been stored);
 * 3. `{"type":"report", ...}` (`WorkerReport`): the events it saw acknowledged, and how often it
 *    lost the race.
 *
 * Not part of the published package (`dist/test-support` is left out of `files`).
 */
import { createInterface } from 'node:readline';
import { type AnyEvent, isVersionConflict } from '@aether/core';
import { isRetryable } from '../../errors/store-error.js';
import { JetStreamEventStore } from '../../jetstream-event-store.js';

export interface WorkerTask {
  servers: string;
  streamName: string;
  actorId: string;
  /** Names this worker's event ids: `<worker>-<n>`. */
  worker: string;
  count: number;
}

export interface WorkerReport {
  type: 'report';
  worker: string;
  /** Every event this worker saw acknowledged, in order, with the version it was saved at. */
  acked: Array<{ id: string; version: number }>;
  /** `VersionConflictError`s: another worker took the version first. */
  conflicts: number;
  /** Retryable errors (timeouts, ...), each followed by a save of the same event. */
  retryableErrors: number;
  elapsedMs: number;
}

async function run(task: WorkerTask): Promise<WorkerReport> {
  const store = await JetStreamEventStore.connect({
    servers: task.servers,
    streamName: task.streamName,
    connection: { name: `append-worker-${task.worker}` },
  });
  try {
    send({ type: 'ready' });
    await firstLine();
    const started = performance.now();
    const acked: WorkerReport['acked'] = [];
    let conflicts = 0;
    let retryableErrors = 0;
    for (let n = 0; n < task.count; n++) {
      const id = `${task.worker}-${n}`;
      let event = await nextEvent(store, task, id, n);
      for (;;) {
        try {
          await store.saveEvent(event);
          acked.push({ id, version: event.version });
          break;
        } catch (err) {
          if (isVersionConflict(err)) {
            conflicts++;
            event = await nextEvent(store, task, id, n);
          } else if (isRetryable(err)) {
            retryableErrors++; // the same event again: it is stored at most once
          } else {
            throw err;
          }
        }
      }
    }
    const elapsedMs = Math.round(performance.now() - started);
    return { type: 'report', worker: task.worker, acked, conflicts, retryableErrors, elapsedMs };
  } finally {
    await store.close();
  }
}

async function nextEvent(
  store: JetStreamEventStore,
  task: WorkerTask,
  id: string,
  n: number,
): Promise<AnyEvent> {
  const version = (await store.getLatestVersion(task.actorId)) + 1;
  return {
    id,
    eventType: 'Appended',
    actorId: task.actorId,
    version,
    data: { worker: task.worker, n },
    timestamp: new Date(),
  };
}

function send(message: object): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

function firstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  return new Promise((resolve, reject) => {
    lines.once('line', (line) => {
      resolve(line); // before close(), whose 'close' event would reject first
      lines.close();
    });
    lines.once('close', () => reject(new Error('stdin closed before the start signal')));
  });
}

const task = JSON.parse(process.argv[2] ?? '{}') as WorkerTask;
run(task).then(
  (report) => send(report),
  (err: unknown) => {
    process.stderr.write(`append worker ${task.worker} failed: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
