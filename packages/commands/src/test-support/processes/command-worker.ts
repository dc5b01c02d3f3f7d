// A writer process for the multi-process integration test (handle-command.integration.test.ts).
// Built into dist/test-support/processes because the test spawns it with plain `node`; not part of
// the package's API and not published (see "files" in package.json).
//
// Usage: node dist/test-support/processes/command-worker.js <json>, where <json> is a WorkerTask.
// It connects, prints "ready", waits for a line on stdin (so that all writers start together),
// handles its commands one by one with handleCommand, prints a JSON WorkerReport and exits.
import { exponentialWithJitter } from '@aether/retry';
import { JetStreamEventStore, type JetStreamEventStoreOptions } from '@aether/store-jetstream';
import { firstLine, runWorker } from '@aether/test-processes/worker';
import { handleCommand } from '../../handle/handle-command.js';
import { orderDecider } from '../domain/order.js';

export interface WorkerTask {
  servers: string;
  store: JetStreamEventStoreOptions;
  actorId: string;
  writer: string;
  commands: number;
}

export interface WorkerReport {
  writer: string;
  /** The version each command's event got, in the order of the commands. */
  versions: number[];
  retries: number;
}

async function run(task: WorkerTask): Promise<WorkerReport> {
  const store = await JetStreamEventStore.connect({ servers: task.servers, ...task.store });
  try {
    process.stdout.write('ready\n');
    await firstLine();
    const report: WorkerReport = { writer: task.writer, versions: [], retries: 0 };
    for (let seq = 1; seq <= task.commands; seq++) {
      const lineId = `${task.writer}-${seq}`;
      const result = await handleCommand(
        store,
        task.actorId,
        { type: 'AddItem', sku: 'TEA', quantity: 1, lineId },
        orderDecider,
        {
          commandId: `cmd-${lineId}`,
          retry: {
            maxAttempts: 500,
            backoff: exponentialWithJitter({ initialDelayMs: 2, maxDelayMs: 50 }),
            onRetry: () => report.retries++,
          },
        },
      );
      report.versions.push(result.version);
    }
    return report;
  } finally {
    await store.close();
  }
}

runWorker('command-worker', run);
