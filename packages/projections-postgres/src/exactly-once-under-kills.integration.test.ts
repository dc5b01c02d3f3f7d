import { setTimeout as delay } from 'node:timers/promises';
import { isVersionConflict } from '@aether/core';
import { cleanup, testConnection, uniqueTestName } from '@aether/nats-harness/test-connection';
import { natsUrl } from '@aether/nats-harness/vitest';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { jetstreamManager } from '@nats-io/jetstream';
import { expect, it } from 'vitest';
import { amountTotalsOracle, createAmountTotals, readAmountTotals } from './test-support/amount-totals.js';
import { databaseUrl, testDatabase } from './test-support/database.js';
import type { ProjectionWorkerTask } from './test-support/processes/projection-worker.js';
import {
  spawnProjectionWorker,
  spawnRacingWriter,
  type WorkerProcess,
} from './test-support/worker-processes.js';

const EVENTS = 20_000;
const KILLS = 20;
const WRITERS = 3;
const ACTORS = 12;

const { pool, schema } = testDatabase('kills');

// Saves one event at the actor's next version, trying again when a writer got there first.
async function saveOne(store: JetStreamEventStore, actorId: string, id: string): Promise<void> {
  for (;;) {
    const version = (await store.getLatestVersion(actorId)) + 1;
    const amount = 1 + Math.floor(Math.random() * 100);
    const event = { id, eventType: 'AmountAdded', actorId, version, data: { amount }, timestamp: new Date() };
    try {
      return await store.saveEvent(event);
    } catch (error) {
      if (!isVersionConflict(error)) throw error;
    }
  }
}

it(`applies ${EVENTS} events exactly once while the worker is SIGKILLed ${KILLS} times (some between apply and commit) and ${WRITERS} writer processes race on the same actors`, {
  timeout: 600_000,
}, async () => {
  const started = Date.now();
  const nc = await testConnection();
  const storeName = uniqueTestName('kills');
  const store = await JetStreamEventStore.open(nc, { storeName });
  cleanup(async () => {
    await store.close();
    await (await jetstreamManager(nc)).streams.delete(store.stream).catch(() => undefined);
  });
  await createAmountTotals(pool, schema);
  const actorIds = Array.from({ length: ACTORS }, (_, index) => `account-${index}`);
  const writers = Array.from({ length: WRITERS }, (_, index) =>
    spawnRacingWriter({
      servers: natsUrl(),
      storeName,
      actorIds,
      events: Math.floor(EVENTS / WRITERS) + (index === 0 ? EVENTS % WRITERS : 0),
      loops: 3,
      writer: `writer-${index}`,
    }),
  );
  const worker = (index: number, hangAfterApplies = 0): WorkerProcess => {
    const task: ProjectionWorkerTask = {
      servers: natsUrl(),
      storeName,
      databaseUrl: databaseUrl(),
      schema,
      projection: 'amount-totals',
      // Every other restart is the same worker coming back (it takes its lease again at once);
      // the others are new workers, which wait for the killed one's lease to run out.
      holder: index % 2 === 0 ? 'worker-a' : `worker-${index}`,
      leaseTtlMs: 1_000,
      batchSize: 200,
      hangAfterApplies,
    };
    return spawnProjectionWorker(task);
  };

  let writing = writers.length;
  for (const writer of writers)
    void writer.finished.then(
      () => writing--,
      () => undefined,
    );
  let extras = 0;
  let betweenApplyAndCommit = 0;
  let whileWriting = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    // Every fourth kill lands between apply (rows written, transaction open) and the commit;
    // the others at a random moment after the worker first committed or caught up.
    const hang = kill % 4 === 1 ? 1 + Math.floor(Math.random() * 3) : 0;
    const victim = worker(kill, hang);
    if (hang > 0) {
      const hung = victim.until(({ type }) => type === 'hung');
      // A worker that has caught up (the writers done) applies only what comes next: the test
      // gives it events, one at a time, until it hangs.
      await Promise.race([hung, victim.until(({ type }) => type === 'caught-up')]);
      while (!victim.messages().some(({ type }) => type === 'hung')) {
        await saveOne(store, actorIds[kill % ACTORS] as string, `extra-${kill}-${++extras}`);
        await Promise.race([hung, delay(100)]);
      }
      await hung;
      betweenApplyAndCommit++;
    } else {
      await victim.until(({ type }) => type === 'committed' || type === 'caught-up');
      await delay(Math.floor(Math.random() * 300));
    }
    if (writing > 0) whileWriting++;
    await victim.kill('SIGKILL');
  }

  const reports = await Promise.all(writers.map((writer) => writer.finished));
  const saved = reports.reduce((sum, report) => sum + (report.saved as number), 0);
  expect(saved).toBe(EVENTS);
  const head = await store.headPosition();

  const last = worker(KILLS);
  await last.until(
    ({ type, position }) => (type === 'committed' || type === 'caught-up') && position === head,
  );
  await last.kill('SIGTERM');
  const report = await last.finished;
  expect(report.status).toMatchObject({ position: head, state: 'stopped' });

  const expected = await amountTotalsOracle(store);
  const actual = await readAmountTotals(pool, schema);
  expect(actual).toEqual(expected);
  expect([...actual.values()].reduce((sum, total) => sum + total.events, 0)).toBe(EVENTS + extras);
  const conflicts = reports.reduce((sum, report) => sum + (report.conflicts as number), 0);
  console.log(
    `exactly once: ${EVENTS + extras} events (${extras} saved by the test to reach a hang; head position ${head}, ${conflicts} version conflicts between ${WRITERS} writers), ` +
      `${KILLS} SIGKILLs (${betweenApplyAndCommit} between apply and commit, ${whileWriting} while the writers wrote), ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});
