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
  /**
   * Runs `work` in a transaction on a client of the pool: COMMIT when it resolves, ROLLBACK when
   * it throws (and the error goes on). A client whose connection broke is thrown away, not
   * returned to the pool.
   */
  transaction<T>(doing: string, work: (client: PoolClient) => Promise<T>): Promise<T>;
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
    async transaction(doing, work) {
      let client: PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw databaseFailure(error, pool, doing);
      }
      // A checked-out client whose connection the server ends (say, after
      // idle_in_transaction_session_timeout) emits 'error'; unheard, that would crash the process.
      // The statement in flight fails as well, which is how the transaction learns of it.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await this.run(client, doing, 'BEGIN');
        const result = await work(client);
        await this.run(client, doing, 'COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackFailed: unknown) => {
          broken ??= rollbackFailed instanceof Error ? rollbackFailed : new Error(String(rollbackFailed));
        });
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
  };
}
