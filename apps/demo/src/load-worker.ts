// One writer process of `aether-demo load` (spawned by load-writers.ts; not meant to be run by
// hand). Usage: node dist/load-worker.js <WriterTask as JSON>. It connects, reports "ready",
// waits for a line on stdin, then adds its items to the one order with saveWithRetry, publishing
// each saved event on the bus (where `watch` sees it), and reports as JSON lines on stdout.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { findVersionConflict, isVersionConflict } from '@aether/core';
import { exponentialWithJitter, saveWithRetry } from '@aether/retry';
import { isJetStreamStoreError } from '@aether/store-jetstream';
import { connectBus, connectStore } from './connect.js';
import { oneLine } from './demo-error.js';
import { loadSku, type WriterReport, type WriterTask } from './load-protocol.js';
import type { ItemAdded } from './order.js';
import { eventFactory } from './order-events.js';

// Many writers on one actor: random waits (full jitter) keep them from retrying in lockstep.
const backoff = exponentialWithJitter({ initialDelayMs: 2, factor: 2, maxDelayMs: 100 });
const maxAttempts = 500;

async function run(task: WriterTask): Promise<void> {
  const store = await connectStore(task.server, task.streamName);
  const bus = await connectBus(task.server);
  try {
    report({ type: 'ready' });
    await startSignal();
    const totals = { saved: 0, conflicts: 0, retries: 0, maxAttempts: 0 };
    for (let n = 1; n <= task.events; n++) {
      let conflicts = 0;
      const data = { sku: loadSku(task.writer, n), quantity: 1, priceCents: 100 };
      // One id for every attempt of this save: a refused save stores nothing.
      const id = randomUUID();
      const events = eventFactory({ newId: () => id });
      const saved = await saveWithRetry(
        store,
        task.orderId,
        (version) => events.next<ItemAdded>(task.orderId, version + 1, 'ItemAdded', data),
        {
          backoff,
          maxAttempts,
          retryOn: (error) => isVersionConflict(error) || isJetStreamStoreError(error, 'CONTENTION'),
          onRetry: (_attempt, _delayMs, error) => {
            totals.retries++;
            if (findVersionConflict(error) !== undefined) conflicts++;
          },
        },
      );
      await bus.publish(task.namespace, saved.event);
      totals.saved++;
      totals.conflicts += conflicts;
      totals.maxAttempts = Math.max(totals.maxAttempts, saved.attempts);
      report({ type: 'saved', version: saved.event.version, attempts: saved.attempts, conflicts });
    }
    report({ type: 'done', ...totals });
  } finally {
    await bus.close();
    await store.close();
  }
}

function report(message: WriterReport): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Resolves on the first line on stdin; rejects when stdin ends first (the parent is gone). */
function startSignal(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  return new Promise((resolve, reject) => {
    lines.once('line', () => {
      lines.off('close', gone);
      lines.close();
      process.stdin.destroy(); // an open stdin would keep this process alive after its work
      resolve();
    });
    const gone = () => reject(new Error('the parent process went away before the start'));
    lines.once('close', gone);
  });
}

run(JSON.parse(process.argv[2] ?? '{}') as WriterTask).then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    process.stderr.write(`${oneLine(error)}\n`);
    process.exitCode = 1;
  },
);
