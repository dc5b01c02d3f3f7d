import { cleanup, testConnection, uniqueTestName } from '@aether/nats-harness/test-connection';
import { natsUrl } from '@aether/nats-harness/vitest';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { jetstreamManager } from '@nats-io/jetstream';
import { expect, it } from 'vitest';
import { amountTotalsOracle, createAmountTotals, readAmountTotals } from './test-support/amount-totals.js';
import { databaseUrl, testDatabase } from './test-support/database.js';
import {
  spawnProjectionWorker,
  spawnRacingWriter,
  type WorkerMessage,
} from './test-support/worker-processes.js';

const { pool, schema } = testDatabase('fencing');

const committed = (message: WorkerMessage) => message.type === 'committed';
const tokenOf = (message: WorkerMessage) => message.fencingToken as number;

it('refuses every commit of a worker SIGSTOPped past its lease once another took over; SIGCONT sends it to standby, and each event counts once', {
  timeout: 180_000,
}, async () => {
  const nc = await testConnection();
  const storeName = uniqueTestName('fencing');
  const store = await JetStreamEventStore.open(nc, { storeName });
  cleanup(async () => {
    await store.close();
    await (await jetstreamManager(nc)).streams.delete(store.stream).catch(() => undefined);
  });
  await createAmountTotals(pool, schema);
  const actorIds = Array.from({ length: 6 }, (_, index) => `account-${index}`);
  const writers = Array.from({ length: 3 }, (_, index) =>
    spawnRacingWriter({
      servers: natsUrl(),
      storeName,
      actorIds,
      events: 1_500,
      loops: 2,
      writer: `writer-${index}`,
    }),
  );
  const worker = (holder: string) =>
    spawnProjectionWorker({
      servers: natsUrl(),
      storeName,
      databaseUrl: databaseUrl(),
      schema,
      projection: 'amount-totals',
      holder,
      // Long enough that the taker, renewing every second, keeps it on a busy machine (if it does
      // not, the paused worker may take the projection back: legitimately, with a new token).
      leaseTtlMs: 3_000,
      batchSize: 50,
      hangAfterApplies: 0,
      // A worker stopped inside a commit holds the checkpoint row until PostgreSQL ends its transaction.
      transactionIdleTimeoutMs: 2_000,
    });

  const paused = worker('paused');
  await paused.until(committed);
  process.kill(paused.pid, 'SIGSTOP');
  const tokenWhenStopped = Math.max(...paused.messages().filter(committed).map(tokenOf));
  const taker = worker('taker');
  const firstOfTaker = await taker.until(committed);
  expect(tokenOf(firstOfTaker)).toBeGreaterThan(tokenWhenStopped);
  process.kill(paused.pid, 'SIGCONT');
  // Back, it finds its lease gone: it commits nothing more under it and waits in standby.
  await paused.until(({ type, state }) => type === 'state' && state === 'standby');

  const reports = await Promise.all(writers.map((writer) => writer.finished));
  expect(reports.reduce((sum, report) => sum + (report.saved as number), 0)).toBe(4_500);
  const head = await store.headPosition();
  const atHead = (message: WorkerMessage) => committed(message) && message.position === head;
  await Promise.race([taker.until(atHead), paused.until(atHead)]);
  await Promise.all([taker.kill('SIGTERM'), paused.kill('SIGTERM')]);
  // Whatever the paused worker committed under the lease it had when it was stopped came before
  // the taker's first commit (one may have been on its way when it stopped).
  const underStaleLease = paused
    .messages()
    .filter((message) => committed(message) && tokenOf(message) <= tokenWhenStopped)
    .map(({ position }) => position as number);
  expect(Math.max(...underStaleLease)).toBeLessThan(firstOfTaker.position as number);
  expect((await paused.finished).status).toMatchObject({ state: 'stopped' });
  expect(await readAmountTotals(pool, schema)).toEqual(await amountTotalsOracle(store));
});
