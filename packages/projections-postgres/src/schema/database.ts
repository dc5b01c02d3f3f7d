import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { databaseFailure } from '../errors/database-failure.js';
import type { Tables } from '../options.js';

/** The pool and the tables of one `postgresCheckpoints`, and how its own statements run. */
export interface Database {
  readonly pool: Pool;
  readonly tables: Tables;
  /**
   * Runs one statement of the checkpoint store on `on` (a client in a transaction, or the pool);
   * a failure becomes a `PostgresCheckpointError` naming the database and `doing`.
   */
  run<R extends QueryResultRow>(
    on: Pool | PoolClient,
    doing: string,
    sql: string,
    params?: readonly unknown[],
  ): Promise<R[]>;
  /** A client of the pool, for a transaction; a failure to connect becomes a `PostgresCheckpointError`. */
  connect(doing: string): Promise<PoolClient>;
}

export function database(pool: Pool, tables: Tables): Database {
  return {
    pool,
    tables,
    async run<R extends QueryResultRow>(
      on: Pool | PoolClient,
      doing: string,
      sql: string,
      params: readonly unknown[] = [],
    ): Promise<R[]> {
      try {
        return (await on.query<R>(sql, params as unknown[])).rows;
      } catch (error) {
        throw databaseFailure(error, pool, doing);
      }
    },
    async connect(doing) {
      try {
        return await pool.connect();
      } catch (error) {
        throw databaseFailure(error, pool, doing);
      }
    },
  };
}
