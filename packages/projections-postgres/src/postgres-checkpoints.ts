import { ValidationError } from '@aether/core';
import type { CheckpointStore } from '@aether/projections';
import type { Pool, PoolClient } from 'pg';
import { commitBatch, parkEvent, unparkEvent } from './commits/fenced-writes.js';
import { acquireLease, readPosition, releaseLease, renewLease } from './leases/lease-statements.js';
import { type PostgresCheckpointsOptions, resolveOptions } from './options.js';
import { type ParkedRow, parkedFromRow } from './parked/parked-rows.js';
import { type Database, database } from './schema/database.js';
import { ensureTables } from './schema/ensure-tables.js';

/**
 * Checkpoints in PostgreSQL, exactly once: `commit` runs the projection's `apply` with a client in
 * a transaction that also checks the lease and the previous position and moves the position, so
 * the read model's rows and the checkpoint commit together or not at all. `Projection.apply`
 * gets that `PoolClient`: write the read model through it (never through the pool).
 *
 * The lease is the projection's checkpoint row (holder, fencing token, end time), judged by the
 * database's clock; see the README. The tables are created on first use. The pool stays the
 * caller's: end it after the runners that use it have stopped.
 */
export function postgresCheckpoints(
  pool: Pool,
  options: PostgresCheckpointsOptions = {},
): CheckpointStore<PoolClient> {
  const tables = resolveOptions(options);
  if (typeof pool?.query !== 'function' || typeof pool.connect !== 'function') {
    throw new ValidationError('pool', 'must be a pg Pool (new pg.Pool({ connectionString }))');
  }
  const db = database(pool, tables);
  let ready: Promise<void> | undefined;
  // Every method first makes sure the tables are there, once per store (again after a failure).
  const tablesReady = (): Promise<Database> => {
    ready ??= ensureTables(db).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready.then(() => db);
  };
  return {
    exactlyOnce: true,
    acquire: async (projection, holder, ttlMs) =>
      acquireLease(await tablesReady(), projection, holder, ttlMs),
    renew: async (lease, ttlMs) => renewLease(await tablesReady(), lease, ttlMs),
    release: async (lease) => releaseLease(await tablesReady(), lease),
    position: async (projection) => readPosition(await tablesReady(), projection),
    commit: async (lease, range, apply) => commitBatch(await tablesReady(), lease, range, apply),
    park: async (lease, range, parked) => parkEvent(await tablesReady(), lease, range, parked),
    unpark: async (lease, position, apply) => unparkEvent(await tablesReady(), lease, position, apply),
    async parked(projection) {
      await tablesReady();
      const rows = await db.run<ParkedRow>(
        pool,
        `listing the parked events of projection ${JSON.stringify(projection)}`,
        `SELECT projection, position, events, error, attempts, parked_at FROM ${tables.parked}
         WHERE projection = $1 ORDER BY position`,
        [projection],
      );
      return rows.map(parkedFromRow);
    },
  };
}
