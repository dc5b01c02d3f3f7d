/**
 * A writer process of the log tests: for each of its actors, a loop of `saveEvents` of `batch`
 * events (versions 1..batch, then the next ones), as fast as the store takes them, until it has
 * saved `batches` batches per actor or is killed. Built to `dist/test-support/processes/log-writer.js`
 * and run with `node`, the JSON `LogWriterTask` as its only argument. JSON lines on stdout:
 * `{"type":"ready"}` once its store is open (then it waits for a line on stdin), `{"type":"saved",
 * "actorId", "version"}` after each acknowledged batch (the last version in it), and
 * `{"type":"report"}` at the end.
 */
import { createInterface } from 'node:readline';
import { JetStreamEventStore } from '../../jetstream-event-store.js';

export interface LogWriterTask {
  servers: string;
  storeName: string;
  actorIds: string[];
  /** Events per `saveEvents` call. */
  batch: number;
  /** Batches per actor; `0` for as many as it can until it is killed. */
  batches: number;
}

async function run(task: LogWriterTask): Promise<void> {
  const store = await JetStreamEventStore.connect({ servers: task.servers, storeName: task.storeName });
  try {
    send({ type: 'ready' });
    await firstLine();
    await Promise.all(
      task.actorIds.map(async (actorId) => {
        for (let index = 0; task.batches === 0 || index < task.batches; index++) {
          const first = index * task.batch + 1;
          const events = Array.from({ length: task.batch }, (_, offset) => ({
            id: `${actorId}-${first + offset}`,
            eventType: 'Written',
            actorId,
            version: first + offset,
            data: { offset },
            timestamp: new Date(),
          }));
          await store.saveEvents(events);
          send({ type: 'saved', actorId, version: first + task.batch - 1 });
        }
      }),
    );
    send({ type: 'report' });
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
      resolve(line);
      lines.close();
    });
    lines.once('close', () => reject(new Error('stdin closed before the start signal')));
  });
}

const task = JSON.parse(process.argv[2] ?? '{}') as LogWriterTask;
run(task).catch((err: unknown) => {
  process.stderr.write(`log writer failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
});
