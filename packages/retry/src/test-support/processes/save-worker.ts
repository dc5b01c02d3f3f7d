// A writer process for the multi-process integration test (save-with-retry.integration.test.ts).
// It is built into dist/test-support/processes because the test spawns it with plain `node`; it is
// not part of the package's API and not published (see "files" in package.json).
//
// Usage: node dist/test-support/processes/save-worker.js <json>, where <json> is a WorkerTask. It connects,
// prints "ready", waits for a line on stdin (so that all writers start together), saves its
// events one by one with saveWithRetry, prints a JSON WorkerReport and exits.
import type { AnyEvent } from '@aether/core';
import { JetStreamEventStore, type JetStreamEventStoreOptions } from '@aether/store-jetstream';
import { firstLine, runWorker } from '@aether/test-processes/worker';
import { exponentialWithJitter } from '../../backoff/jitter.js';
import { saveWithRetry } from '../../save/save-with-retry.js';

export interface WorkerTask {
  servers: string;
  store: JetStreamEventStoreOptions;
  actorId: string;
  writer: string;
  events: number;
}

export interface WorkerReport {
  writer: string;
  saved: number;
  retries: number;
  versions: number[];
}

async function run(task: WorkerTask): Promise<WorkerReport> {
  const store = await JetStreamEventStore.connect({ servers: task.servers, ...task.store });
  try {
    process.stdout.write('ready\n');
    await firstLine();
    const report: WorkerReport = { writer: task.writer, saved: 0, retries: 0, versions: [] };
    for (let seq = 1; seq <= task.events; seq++) {
      const { event } = await saveWithRetry(store, task.actorId, (version) => lineEvent(task, seq, version), {
        maxAttempts: 500,
        backoff: exponentialWithJitter({ initialDelayMs: 2, maxDelayMs: 50 }),
        onRetry: () => report.retries++,
      });
      report.saved++;
      report.versions.push(event.version);
    }
    return report;
  } finally {
    await store.close();
  }
}

// The same id on every attempt: a save refused with a conflict stores nothing, so reusing the id
// is safe (after a lost acknowledgement, saveWithRetry finds the stored event by its id).
function lineEvent(task: WorkerTask, seq: number, currentVersion: number): AnyEvent {
  return {
    id: `${task.actorId}-${task.writer}-${seq}`,
    eventType: 'LineAdded',
    actorId: task.actorId,
    version: currentVersion + 1,
    data: { writer: task.writer, seq },
    timestamp: new Date(),
  };
}

runWorker('save-worker', run);
