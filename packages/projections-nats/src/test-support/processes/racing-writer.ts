/**
 * A writer process of the projection tests: saves up to `count` events (fewer when a line `stop`
 * comes on stdin first), each to an actor picked at random among `actorIds`, which the other writer processes write too. Each event goes at
 * `getLatestVersion() + 1`; a `VersionConflictError` (another writer took the version) reads
 * the version again, a retryable error sends the very same event again. Built to
 * `dist/test-support/processes/racing-writer.js`, run with `node` and the JSON
 * `RacingWriterTask` as its only argument. JSON lines on stdout: `{"type":"ready"}`, then (after a
 * line `go` on stdin) `{"type":"report","acked","conflicts"}` at the end.
 */
import { type AnyEvent, isRetryable, isVersionConflict } from '@aether/core';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { onLines, runProcess, send } from './lines.js';

export interface RacingWriterTask {
  servers: string;
  storeName: string;
  writer: string;
  actorIds: string[];
  count: number;
}

runProcess('racing writer', async () => {
  const task = JSON.parse(process.argv[2] ?? '{}') as RacingWriterTask;
  const store = await JetStreamEventStore.connect({ servers: task.servers, storeName: task.storeName });
  send({ type: 'ready' });
  let stopped = false;
  let stopReading = () => {};
  await new Promise<void>((resolve) => {
    stopReading = onLines((line) => {
      if (line === 'stop') stopped = true;
      resolve();
    });
  });
  let conflicts = 0;
  let acked = 0;
  for (let n = 0; n < task.count && !stopped; n++) {
    const actorId = task.actorIds[Math.floor(Math.random() * task.actorIds.length)] as string;
    for (;;) {
      try {
        const version = (await store.getLatestVersion(actorId)) + 1;
        const event: AnyEvent = {
          id: `${task.writer}-${n}`,
          eventType: 'Counted',
          actorId,
          version,
          data: { writer: task.writer, n },
          timestamp: new Date(),
        };
        await store.saveEvent(event);
        acked++;
        break;
      } catch (err) {
        if (isVersionConflict(err)) conflicts++;
        else if (!isRetryable(err)) throw err;
      }
    }
  }
  send({ type: 'report', acked, conflicts });
  await store.close();
  stopReading();
});
