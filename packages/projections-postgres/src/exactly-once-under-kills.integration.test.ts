import { setTimeout as delay } from 'node:timers/promises';
import type { RecordedEvent } from '@aether/core';
import { cleanup, testConnection, uniqueTestName } from '@aether/nats-harness/test-connection';
import { natsUrl } from '@aether/nats-harness/vitest';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { jetstreamManager } from '@nats-io/jetstream';
import { expect, it } from 'vitest';
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

interface Total {
  events: number;
  amount: number;
  lastVersion: number;
}

// What the read model must be: every event in the log counted once, computed from readAll.
async function oracle(store: JetStreamEventStore): Promise<Map<string, Total>> {
  const totals = new Map<string, Total>();
  let after = 0;
  for (;;) {
    const page: RecordedEvent[] = await store.readAll({ after, limit: 1_000 });
    if (page.length === 0) return totals;
    for (const { event } of page) {
      const total = totals.get(event.actorId) ?? { events: 0, amount: 0, lastVersion: 0 };
      total.events++;
      total.amount += (event.data as { amount: number }).amount;
      total.lastVersion = Math.max(total.lastVersion, event.version);
      totals.set(event.actorId, total);
    }
    after = (page[page.length - 1] as RecordedEvent).position;
  }
}

const { pool, schema } = testDatabase('kills');

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
  await pool.query(`CREATE SCHEMA "${schema}"`);
  await pool.query(
    `CREATE TABLE "${schema}".amount_totals (actor_id text PRIMARY KEY, events int NOT NULL, amount bigint NOT NULL, last_version int NOT NULL)`,
  );
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
  let betweenApplyAndCommit = 0;
  let whileWriting = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    // Every fourth kill lands between apply (rows written, transaction open) and the commit;
    // the others at a random moment after the worker first committed or caught up.
    const hang = kill % 4 === 1 ? 1 + Math.floor(Math.random() * 3) : 0;
    const victim = worker(kill, hang);
    if (hang > 0) {
      await victim.until(({ type }) => type === 'hung');
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

  const expected = await oracle(store);
  const { rows } = await pool.query<{
    actor_id: string;
    events: number;
    amount: string;
    last_version: number;
  }>(`SELECT actor_id, events, amount, last_version FROM "${schema}".amount_totals ORDER BY actor_id`);
  const actual = new Map(
    rows.map((row) => [
      row.actor_id,
      { events: row.events, amount: Number(row.amount), lastVersion: row.last_version },
    ]),
  );
  expect(actual).toEqual(expected);
  expect([...actual.values()].reduce((sum, total) => sum + total.events, 0)).toBe(EVENTS);
  const conflicts = reports.reduce((sum, report) => sum + (report.conflicts as number), 0);
  console.log(
    `exactly once: ${EVENTS} events (head position ${head}, ${conflicts} version conflicts between ${WRITERS} writers), ` +
      `${KILLS} SIGKILLs (${betweenApplyAndCommit} between apply and commit, ${whileWriting} while the writers wrote), ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});
