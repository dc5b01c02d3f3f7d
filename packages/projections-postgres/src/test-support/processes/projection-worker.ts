/**
 * A projection worker of the exactly-once test: `runProjection` on a JetStream store's log, with
 * `postgresCheckpoints`, keeping `<schema>.amount_totals` (per actor: events counted, amounts
 * summed; not idempotent on purpose, so an event applied twice shows). Built to
 * `dist/test-support/processes/projection-worker.js`. JSON lines on stdout: `{"type":"committed",
 * "position", "fencingToken"}` after each commit, `{"type":"caught-up"}` when it first caught up, and, with
 * `hangAfterApplies: n`, `{"type":"hung"}` after the n-th `apply` wrote its rows and before its
 * commit (the worker then waits there for ever, its transaction open, to be killed);
 * `{"type":"state", "state"}` whenever the runner's state changes. SIGTERM stops
 * the runner cleanly and ends with `{"type":"report"}`.
 */
import type { Event } from '@aether/core';
import type { CheckpointStore, Projection } from '@aether/projections';
import { runProjection } from '@aether/projections';
import { JetStreamEventStore } from '@aether/store-jetstream';
import pg from 'pg';
import { postgresCheckpoints } from '../../postgres-checkpoints.js';
import { addToAmountTotals } from './amount-totals-writes.js';
import { fail, send, taskArgument } from './io.js';

export interface ProjectionWorkerTask {
  servers: string;
  storeName: string;
  databaseUrl: string;
  schema: string;
  projection: string;
  holder: string;
  leaseTtlMs: number;
  batchSize: number;
  /** 0: never; n: hang after the n-th apply wrote its rows, before the commit. */
  hangAfterApplies: number;
  /** `postgresCheckpoints`' option; its default when omitted. */
  transactionIdleTimeoutMs?: number;
}

async function run(task: ProjectionWorkerTask): Promise<void> {
  const store = await JetStreamEventStore.connect({ servers: task.servers, storeName: task.storeName });
  const pool = new pg.Pool({ connectionString: task.databaseUrl, max: 4 });
  // Idle connections the server ends (say, after this worker was frozen) report here; unheard,
  // they would end the process.
  pool.on('error', () => undefined);
  const inner = postgresCheckpoints(pool, {
    schema: task.schema,
    ...(task.transactionIdleTimeoutMs === undefined
      ? {}
      : { transactionIdleTimeoutMs: task.transactionIdleTimeoutMs }),
  });
  const checkpoints: CheckpointStore<pg.PoolClient> = {
    ...inner,
    async commit(lease, range, apply) {
      await inner.commit(lease, range, apply);
      send({ type: 'committed', position: range.to, fencingToken: lease.fencingToken });
    },
  };
  let applies = 0;
  const projection: Projection<Event, pg.PoolClient> = {
    name: task.projection,
    async apply(batch, client) {
      await addToAmountTotals(client, task.schema, batch);
      if (++applies === task.hangAfterApplies) {
        send({ type: 'hung' });
        await new Promise(() => undefined);
      }
    },
  };
  const runner = runProjection(store, projection, {
    checkpoints,
    holder: task.holder,
    leaseTtlMs: task.leaseTtlMs,
    batchSize: task.batchSize,
  });
  let state = '';
  setInterval(() => {
    const now = runner.status().state;
    if (now === state) return;
    state = now;
    send({ type: 'state', state });
  }, 20);
  process.once('SIGTERM', () => {
    void (async () => {
      await runner.stop();
      await store.close();
      await pool.end();
      send({ type: 'report', status: runner.status() });
      process.exit(0);
    })().catch(fail('stopping the projection worker'));
  });
  // A worker in standby never catches up before it is stopped; that is no failure of the worker.
  runner.whenCaughtUp().then(
    (position) => send({ type: 'caught-up', position }),
    () => undefined,
  );
}

run(taskArgument<ProjectionWorkerTask>()).catch(fail('projection worker'));
