import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
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
   * Runs a transaction on a client of the pool: `BEGIN` with `steps.opening` in one round trip,
   * `steps.work`, then `steps.closing` with `COMMIT` in one round trip; `ROLLBACK` when anything
   * throws (and the error goes on). A client whose connection broke is thrown away, not returned
   * to the pool.
   */
  transaction<T, O extends QueryResultRow = QueryResultRow>(
    doing: string,
    steps: TransactionSteps<T, O>,
  ): Promise<T>;
}

/**
 * The parts of a transaction. Statements sent with `BEGIN` or `COMMIT` share its round trip (the
 * simple query protocol: values written in as literals, see `sql-literals.ts`). When one of them
 * fails, PostgreSQL skips the rest of the text, the `COMMIT` included, so nothing commits.
 */
export interface TransactionSteps<T, O extends QueryResultRow> {
  /** Statements to run right after `BEGIN`; the rows of the last one go to `work`. */
  readonly opening?: string;
  readonly work: (client: PoolClient, opened: O[]) => Promise<T>;
  /** Statements to run right before `COMMIT`, once `work` has resolved with `result`. */
  readonly closing?: (result: T) => string | undefined;
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
    async transaction<T, O extends QueryResultRow>(
      doing: string,
      { opening, work, closing }: TransactionSteps<T, O>,
    ): Promise<T> {
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
        const opened = await runText(client, doing, opening === undefined ? 'BEGIN' : `BEGIN; ${opening}`);
        const result = await work(client, (opened[opened.length - 1]?.rows ?? []) as O[]);
        const last = closing?.(result);
        await runText(client, doing, last === undefined ? 'COMMIT' : `${last}; COMMIT`);
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

  // Runs statements without parameters (the simple query protocol: several in one round trip);
  // pg answers one result per statement, as an array when there are several.
  async function runText(client: PoolClient, doing: string, sql: string): Promise<QueryResult[]> {
    try {
      const results: QueryResult | QueryResult[] = await client.query(sql);
      return Array.isArray(results) ? results : [results];
    } catch (error) {
      throw databaseFailure(error, pool, doing);
    }
  }
}
