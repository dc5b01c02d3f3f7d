/**
 * One writer process of the cross-process tests (`concurrency.integration.test.ts`,
 * `cluster-races.integration.test.ts`). Built to `dist/test-support/processes/append-worker.js`
 * and run with `node`, the JSON `WorkerTask` as its only argument. It talks JSON lines on stdout:
 *
 * 1. `{"type":"ready"}` once its store is open; then it waits for a line on stdin, so that every
 *    worker starts appending at the same moment;
 * 2. appends `count` events to the same actor as the other workers (`racingWriter`);
 * 3. `{"type":"report", ...}` (`WorkerReport`): the events it saw acknowledged, and how often it
 *    lost the race.
 *
 * Not part of the published package (`dist/test-support` is left out of `files`).
 */
import { createInterface } from 'node:readline';
import { JetStreamEventStore } from '../../jetstream-event-store.js';
import { type RacingReport, racingWriter } from './racing-writer.js';

export interface WorkerTask {
  /** The server (or servers) this worker connects to. */
  servers: string | string[];
  storeName: string;
  /** The stream's replicas, as the test created it. Default 1. */
  replicas?: number;
  actorId: string;
  /** Names this worker's event ids: `<worker>-<n>`. */
  worker: string;
  count: number;
}

export interface WorkerReport extends RacingReport {
  type: 'report';
}

async function run(task: WorkerTask): Promise<WorkerReport> {
  const store = await JetStreamEventStore.connect({
    servers: task.servers,
    storeName: task.storeName,
    replicas: task.replicas ?? 1,
    connection: { name: `append-worker-${task.worker}`, maxReconnectAttempts: -1, reconnectTimeWait: 50 },
  });
  try {
    send({ type: 'ready' });
    await firstLine();
    const report = await racingWriter({
      store,
      actorId: task.actorId,
      worker: task.worker,
      count: task.count,
    });
    return { type: 'report', ...report };
  } finally {
    await store.close();
  }
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
