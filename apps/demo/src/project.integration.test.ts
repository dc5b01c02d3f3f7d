import { natsUrl } from '@aether/nats-harness/vitest';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { expect, it } from 'vitest';
import { runNames } from './run-names.js';
import { databaseUrl, testDatabase } from './test-support/database.js';
import { type DemoProcess, runDemo, startDemo } from './test-support/run-demo.js';

const { pool, newSchema } = testDatabase();

const project = (runId: string, schema: string) =>
  startDemo([
    'project',
    '--nats',
    natsUrl(),
    '--database',
    databaseUrl(),
    '--schema',
    schema,
    '--run',
    runId,
  ]);

/** A finished load of `writers` x `events` items on order-3001 of a new run; its run id. */
async function finishedLoad(writers: number, events: number): Promise<string> {
  const load = await runDemo([
    'load',
    '--nats',
    natsUrl(),
    '--writers',
    `${writers}`,
    '--events',
    `${events}`,
  ]);
  expect(load.code).toBe(0);
  return runIdOf(load.stdout);
}

function runIdOf(stdout: string): string {
  const runId = /^Run ([0-9a-z]+-[0-9a-z]{4}):/m.exec(stdout)?.[1];
  if (runId === undefined) throw new Error(`no run id in:\n${stdout}`);
  return runId;
}

const verifiedAt = (position: number, events: number) =>
  `verified: 1 order matches the log at position ${position} (${events} events, each counted once)`;

/** The run's row for order-3001, read by the test itself: one ItemAdded of 1 x 100 cents per event. */
async function summaryRow(schema: string, runId: string) {
  const { rows } = await pool.query(
    `SELECT order_id, customer, items::int, total_cents::int, status, version, events
     FROM ${schema}.order_summaries WHERE run_id = $1`,
    [runId],
  );
  return rows;
}

const expectedRow = (events: number) => ({
  order_id: 'order-3001',
  customer: null,
  items: events,
  total_cents: events * 100,
  status: 'new',
  version: events,
  events,
});

async function headOf(runId: string): Promise<number> {
  const store = await JetStreamEventStore.connect({
    servers: natsUrl(),
    storeName: runNames(runId).streamName,
  });
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

async function consumersOf(runId: string): Promise<number> {
  const nc = await connect({ servers: natsUrl() });
  try {
    const jsm = await jetstreamManager(nc);
    return (await jsm.streams.info(runNames(runId).streamName)).state.consumer_count;
  } finally {
    await nc.close();
  }
}

/** The PostgreSQL sessions `project` opened for the run (it names them in application_name). */
async function sessionsOf(runId: string): Promise<number> {
  const { rows } = await pool.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = $1',
    [`aether-demo project ${runId}`],
  );
  return rows[0]?.count ?? 0;
}

/**
 * A closed session leaves pg_stat_activity when its server process has ended, a moment after the
 * client's goodbye: wait for that, bounded, instead of guessing a delay.
 */
async function sessionsGone(runId: string, timeoutMs = 5000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let count = await sessionsOf(runId);
  while (count > 0 && performance.now() < deadline) count = await sessionsOf(runId);
  return count;
}

const stopped = async (demo: DemoProcess, signal: NodeJS.Signals) => {
  demo.child.kill(signal);
  return demo.result;
};

it('project catches up on a finished load, verifies the table against the log, and Ctrl-C ends it with 0', async () => {
  const runId = await finishedLoad(2, 100);
  const schema = newSchema();
  const projector = project(runId, schema);
  await projector.waitUntil('stdout', (text) => text.includes(verifiedAt(200, 200)));
  expect(projector.stdout()).toMatch(
    new RegExp(
      `^Projecting run ${runId} \\(stream aether-demo-${runId} on 127\\.0\\.0\\.1:\\d+\\) into ${schema}\\.order_summaries on PostgreSQL at [^,]+, exactly once; Ctrl-C to stop\\n`,
    ),
  );
  expect(projector.stdout()).toContain('live: position 200/200 (100%), lag 0 events, 0.0 s\n');
  expect(await summaryRow(schema, runId)).toEqual([expectedRow(200)]);

  const { code, stdout, stderr } = await stopped(projector, 'SIGINT');
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout.endsWith(`stopped at position 200; the lease is released\n${verifiedAt(200, 200)}\n`)).toBe(
    true,
  );
}, 60_000); // a load of writer processes and the projector, on a shared machine

it('project SIGKILLed halfway through a load and started again: the table equals the log, each event counted once', async () => {
  const writers = 4;
  const events = 400;
  const total = writers * events;
  const load = startDemo(['load', '--nats', natsUrl(), '--writers', `${writers}`, '--events', `${events}`]);
  await load.waitFor('stdout', /^Run [0-9a-z]+-[0-9a-z]{4}:/m);
  const runId = runIdOf(load.stdout());
  const schema = newSchema();

  // The first projector applies some of the load's events, and is killed while the writers go on.
  const first = project(runId, schema);
  await first.waitFor('stdout', /(catching-up|live): position [1-9]/, 30_000);
  const killed = await stopped(first, 'SIGKILL');
  expect(killed.signal).toBe('SIGKILL');
  const killedAt = Number([...killed.stdout.matchAll(/position (\d+)\//g)].at(-1)?.[1]);

  // Started again: it waits for the dead one's lease (5 s), then goes on from the committed position.
  const second = project(runId, schema);
  try {
    const loaded = await load.result;
    expect(loaded.code).toBe(0);
    const head = await headOf(runId);
    expect(head).toBeGreaterThanOrEqual(total); // a retried save may leave an empty position
    await second.waitUntil('stdout', (text) => text.includes(verifiedAt(head, total)), 30_000);
    expect(second.stdout()).not.toContain('FAILED');
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(total); // killed halfway: the load was still going on
    expect(await summaryRow(schema, runId)).toEqual([expectedRow(total)]);
  } finally {
    second.child.kill('SIGTERM');
  }
  expect((await second.result).code).toBe(0);
}, 120_000);

it('SIGTERM stops project cleanly: no consumer left on the stream, no PostgreSQL session left open', async () => {
  const runId = await finishedLoad(1, 20);
  const schema = newSchema();
  const projector = project(runId, schema);
  await projector.waitUntil('stdout', (text) => text.includes(verifiedAt(20, 20)));
  // While it runs it has a consumer on the stream and sessions in the database: the checks can fail.
  expect(await consumersOf(runId)).toBeGreaterThan(0);
  expect(await sessionsOf(runId)).toBeGreaterThan(0);

  const { code, signal, stdout, stderr } = await stopped(projector, 'SIGTERM');
  expect(signal).toBeNull();
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toContain(`stopped at position 20; the lease is released\n${verifiedAt(20, 20)}\n`);
  expect(await consumersOf(runId)).toBe(0);
  expect(await sessionsGone(runId)).toBe(0);
}, 60_000);

it('an unreachable database: one line naming it, exit 1, nothing projected', async () => {
  const runId = await finishedLoad(1, 1);
  const { code, stdout, stderr } = await runDemo([
    'project',
    '--nats',
    natsUrl(),
    '--database',
    'postgres://postgres@127.0.0.1:1/test',
    '--run',
    runId,
  ]);
  expect(stderr).toBe(
    'aether-demo: cannot reach PostgreSQL at 127.0.0.1:1/test (ECONNREFUSED); start PostgreSQL, or pass --database <url>\n',
  );
  expect(stdout).toBe('');
  expect(code).toBe(1);
  expect(await consumersOf(runId)).toBe(0);
}, 60_000);
