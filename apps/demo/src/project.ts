import { type ProjectionRunner, runProjection } from '@aether/projections';
import { postgresCheckpoints } from '@aether/projections-postgres';
import { JetStreamEventStore } from '@aether/store-jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type pg from 'pg';
import { connectFailure, connectManager, connectNats } from './connect.js';
import { connectDatabase, databaseFailure, projectApplicationName } from './connect-database.js';
import type { Database } from './database-url.js';
import type { NatsServer } from './nats-url.js';
import { orderSummariesProjection } from './order-summaries-projection.js';
import { followProjection } from './project-follow.js';
import { onShutdownSignal } from './shutdown.js';
import { ensureSummariesTable, SUMMARIES_TABLE } from './summaries-table.js';
import { verifySummaries } from './summaries-verify.js';
import { findRun } from './watch-run.js';

export interface ProjectOptions {
  server: NatsServer;
  database: Database;
  schema: string;
  /** The run whose log to project; `undefined`: the newest run on the server. */
  run: string | undefined;
  print: (line: string) => void;
}

/** Short, so that a `project` started again after a kill takes over within seconds (15 s is the default). */
export const PROJECT_LEASE_TTL_MS = 5_000;

/**
 * `project --nats <url>`: keeps the run's order summaries in PostgreSQL from its log, exactly once
 * (postgresCheckpoints). Prints its progress and lag about every second, and each time it has
 * caught up compares the table with what replaying the log computes. On SIGINT or SIGTERM it stops
 * the runner (the batch in hand is committed, the lease released), verifies once more, closes the
 * log's consumer, the NATS connection and the pool, and returns whether every verification passed.
 */
export async function runProject(options: ProjectOptions): Promise<boolean> {
  const { server, database, schema, print } = options;
  // A signal may come while connecting: the loop below then stops at once.
  const stop = new AbortController();
  const removeHandlers = onShutdownSignal(() => stop.abort());
  const nc = await connectNats(server);
  let store: JetStreamEventStore | undefined;
  let pool: pg.Pool | undefined;
  let runner: ProjectionRunner | undefined;
  try {
    const { runId, streamName } = await findRun(await connectManager(nc, server), server, options.run);
    const log = await openStore(nc, server, streamName);
    store = log;
    const db = await connectDatabase(database, projectApplicationName(runId));
    pool = db;
    await ensureSummariesTable(db, schema).catch((error: unknown) => {
      throw databaseFailure(error, database);
    });
    print(
      `Projecting run ${runId} (stream ${streamName} on ${server.display}) into ${schema}.${SUMMARIES_TABLE} ` +
        `on PostgreSQL at ${database.display}, exactly once; Ctrl-C to stop`,
    );
    runner = runProjection(log, orderSummariesProjection(runId, schema), {
      checkpoints: postgresCheckpoints(db, { schema }),
      batchSize: 500,
      leaseTtlMs: PROJECT_LEASE_TTL_MS,
    });
    const verify = () => verifySummaries(db, log, { schema, runId });
    let allVerified = await followProjection(
      runner,
      { verify, print, leaseTtlMs: PROJECT_LEASE_TTL_MS },
      stop.signal,
    );
    await runner.stop();
    const { position } = runner.status();
    print(`stopped at position ${position}; the lease is released`);
    const last = await verify();
    print(last.line);
    allVerified &&= last.ok;
    return allVerified;
  } finally {
    removeHandlers();
    await runner?.stop().catch(() => {});
    await store?.close();
    await nc.close();
    await pool?.end();
  }
}

async function openStore(nc: NatsConnection, server: NatsServer, streamName: string) {
  try {
    return await JetStreamEventStore.open(nc, { storeName: streamName });
  } catch (error) {
    throw connectFailure(error, server);
  }
}
