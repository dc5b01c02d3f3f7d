import type { Event } from '@aether/core';
import { type Projection, type ProjectionRunner, runProjection } from '@aether/projections';
import { InMemoryEventStore } from '@aether/store-memory';
import type pg from 'pg';
import { beforeAll, expect, it } from 'vitest';
import { postgresCheckpoints } from './postgres-checkpoints.js';
import { testDatabase } from './test-support/database.js';

const { pool, schema } = testDatabase('two_workers');

beforeAll(async () => {
  await pool.query(`CREATE SCHEMA "${schema}"`);
  await pool.query(`CREATE TABLE "${schema}".seen (position int, actor_id text, version int, worker text)`);
});

// Records every event it applies, and which worker applied it: not idempotent on purpose.
const recording = (worker: string): Projection<Event, pg.PoolClient> => ({
  name: 'seen-events',
  async apply(batch, tx) {
    for (const { position, event } of batch) {
      await tx.query(`INSERT INTO "${schema}".seen VALUES ($1, $2, $3, $4)`, [
        position,
        event.actorId,
        event.version,
        worker,
      ]);
    }
  },
});

const save = (store: InMemoryEventStore, actorId: string, version: number) =>
  store.saveEvent({
    id: `${actorId}-${version}`,
    eventType: 'Seen',
    actorId,
    version,
    data: {},
    timestamp: new Date(),
  });

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

it('runs one of two workers started at once; the other waits in standby and goes on from the committed position once the first stops', {
  timeout: 60_000,
}, async () => {
  const store = new InMemoryEventStore();
  for (let version = 1; version <= 50; version++) await save(store, 'order-1', version);
  const checkpoints = postgresCheckpoints(pool, { schema });
  const start = (worker: string): ProjectionRunner =>
    runProjection(store, recording(worker), {
      checkpoints,
      holder: worker,
      batchSize: 20,
      leaseTtlMs: 2_000,
    });
  const runners = new Map([
    ['one', start('one')],
    ['two', start('two')],
  ]);
  const states = () => [...runners.values()].map((runner) => runner.status().state);
  await until(
    () => states().includes('live') && states().includes('standby'),
    'one is live and one in standby',
  );
  const [active, waiting] = [...runners].sort(([, a]) => (a.status().state === 'live' ? -1 : 1)) as [
    [string, ProjectionRunner],
    [string, ProjectionRunner],
  ];
  await active[1].stop();
  for (let version = 51; version <= 60; version++) await save(store, 'order-1', version);
  await waiting[1].whenProcessed(60, { timeoutMs: 20_000 });
  await waiting[1].stop();

  const { rows } = await pool.query(
    `SELECT position, version, worker FROM "${schema}".seen ORDER BY position`,
  );
  expect(rows.map(({ version }) => version)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
  expect(new Set(rows.slice(0, 50).map(({ worker }) => worker))).toEqual(new Set([active[0]]));
  expect(new Set(rows.slice(50).map(({ worker }) => worker))).toEqual(new Set([waiting[0]]));
});
