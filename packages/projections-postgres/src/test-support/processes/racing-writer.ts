/**
 * A writer process of the exactly-once test: `loops` loops, each saving batches of 1 to 3 events
 * to an actor picked at random from `actorIds` (shared with the other writer processes), at the
 * version it just read, until the process has saved `events` events. A batch another writer beat
 * (a version conflict) is dropped and the loop goes on: writers race on the same actors all the
 * time. A retryable failure (a cluster node or stream leader gone) puts the batch back too: the
 * save may have landed with its acknowledgement lost, which the tests' oracle (the log) covers.
 * Built to `dist/test-support/processes/racing-writer.js`; JSON lines on stdout: one
 * `{"type":"report", saved, conflicts, retried}` at the end.
 */
import { isRetryable, isVersionConflict } from '@aether/core';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { fail, send, taskArgument } from './io.js';

export interface RacingWriterTask {
  /** One server, or a cluster's servers with the one this writer prefers first. */
  servers: string | string[];
  storeName: string;
  /** The stream's replicas on a cluster; 1 when omitted. */
  replicas?: number;
  actorIds: string[];
  events: number;
  loops: number;
  writer: string;
}

async function run(task: RacingWriterTask): Promise<void> {
  const store = await JetStreamEventStore.connect({
    servers: task.servers,
    storeName: task.storeName,
    replicas: task.replicas ?? 1,
    // Keeps to the preferred node while it is up, and reconnects for as long as the test runs.
    connection: { noRandomize: true, maxReconnectAttempts: -1, reconnectTimeWait: 50 },
  });
  let left = task.events;
  let saved = 0;
  let conflicts = 0;
  let retried = 0;
  let batches = 0;
  const loop = async () => {
    while (left > 0) {
      const size = Math.min(left, 1 + Math.floor(Math.random() * 3));
      left -= size;
      const actorId = task.actorIds[Math.floor(Math.random() * task.actorIds.length)] as string;
      const batchId = ++batches;
      try {
        const latest = await store.getLatestVersion(actorId);
        const batch = Array.from({ length: size }, (_, offset) => ({
          id: `${task.writer}-${batchId}-${offset}`,
          eventType: 'AmountAdded',
          actorId,
          version: latest + 1 + offset,
          data: { amount: 1 + Math.floor(Math.random() * 100) },
          timestamp: new Date(),
        }));
        await store.saveEvents(batch);
        saved += size;
      } catch (error) {
        left += size;
        if (isVersionConflict(error)) conflicts++;
        else if (isRetryable(error)) {
          retried++;
          await new Promise((resolve) => setTimeout(resolve, 50));
        } else throw error;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: task.loops }, loop));
    send({ type: 'report', saved, conflicts, retried });
  } finally {
    await store.close();
  }
}

run(taskArgument<RacingWriterTask>()).catch(fail('racing writer'));
