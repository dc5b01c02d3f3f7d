import type { EventStore } from '@aether/core';
import { connectStore } from './connect.js';
import { DemoError } from './demo-error.js';
import { ProgressLine, type ProgressStream } from './load-progress.js';
import { loadHeadline, loadSummary } from './load-report.js';
import { verifyLoad } from './load-verify.js';
import { spawnWriter, type WriterProcess } from './load-writers.js';
import type { NatsServer } from './nats-url.js';
import { describeRetention } from './retention.js';
import { newRunId, runNames } from './run-names.js';
import { onShutdownSignal } from './shutdown.js';
import { checkRunExists } from './watch-run.js';

export interface LoadOptions {
  server: NatsServer;
  writers: number;
  events: number;
  /** `--run`: the run to add to (its stream, where `watch` may be following it); default a new run. */
  run: string | undefined;
  /** Results (stdout). */
  print: (line: string) => void;
  /** The progress line (stderr). */
  progress: ProgressStream;
}

const firstOrderNumber = 3001;

/**
 * `load`: N writer processes add M items each to one order, every save through saveWithRetry;
 * then the order is read back and verified. Returns whether the verification passed.
 */
export async function runLoad(options: LoadOptions): Promise<boolean> {
  const { server, writers: writerCount, events, print } = options;
  if (options.run !== undefined) await checkRunExists(server, options.run);
  const run = runNames(options.run ?? newRunId());
  const total = writerCount * events;
  // The parent creates the stream, so the writers all find it in place.
  const store = await connectStore(server, run.streamName);
  const writers: WriterProcess[] = [];
  let interrupted = false;
  const removeHandlers = onShutdownSignal(() => {
    interrupted = true;
    for (const writer of writers) writer.stop();
  });
  let progress: ProgressLine | undefined;
  try {
    const orderId = await freeOrderId(store);
    print(loadHeadline({ writers: writerCount, events, orderId, at: server.display }));
    print(
      `Run ${run.runId}: events in stream ${store.stream} (${describeRetention(store.config.maxAgeMs)}, ` +
        `the store's default), published on bus namespace "${run.namespace}"`,
    );
    let saved = 0;
    let conflicts = 0;
    for (let writer = 1; writer <= writerCount; writer++) {
      const task = { server, streamName: run.streamName, namespace: run.namespace, orderId, writer, events };
      writers.push(
        spawnWriter(task, (report) => {
          saved++;
          conflicts += report.conflicts;
          progress?.update(saved, conflicts);
        }),
      );
    }
    await Promise.all(writers.map((writer) => writer.ready));
    progress = new ProgressLine(options.progress, total);
    const started = performance.now();
    for (const writer of writers) writer.start();
    const reports = await Promise.all(writers.map((writer) => writer.finished));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    progress.finish(saved, conflicts);

    print(loadSummary(reports, seconds));
    const verification = verifyLoad(orderId, await store.getEvents(orderId), {
      writers: writerCount,
      events,
    });
    print(verification.line);
    return verification.ok;
  } catch (error) {
    progress?.interrupt();
    for (const writer of writers) writer.stop();
    if (interrupted) throw new DemoError('INTERRUPTED', 'load interrupted; the writers were stopped');
    throw error;
  } finally {
    removeHandlers();
    await store.close();
  }
}

/** order-3001 in a new run; the first order no earlier load wrote when adding to a run (`--run`). */
async function freeOrderId(store: EventStore): Promise<string> {
  for (let number = firstOrderNumber; ; number++) {
    const orderId = `order-${number}`;
    if ((await store.getLatestVersion(orderId)) === 0) return orderId;
  }
}
