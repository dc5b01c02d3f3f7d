import type pg from 'pg';

/** Where `project` keeps its read model (and, through postgresCheckpoints, its checkpoints). */
export const DEFAULT_DEMO_SCHEMA = 'aether_demo';
export const SUMMARIES_TABLE = 'order_summaries';

/**
 * One projection per run: each run has a log (a stream) of its own, with positions of its own.
 * (A projection's name allows letters, digits, ".", "_" and "-".)
 */
export const projectionName = (runId: string): string => `order-summaries.${runId}`;

/**
 * Creates the schema and the order summaries table when missing. One table for every run, the run
 * in a column: `clean` removes a run's rows with one DELETE.
 */
export async function ensureSummariesTable(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await pool.query(
    `CREATE TABLE IF NOT EXISTS ${schema}.${SUMMARIES_TABLE} (
       run_id text NOT NULL,
       order_id text NOT NULL,
       customer text,
       items bigint NOT NULL,
       total_cents bigint NOT NULL,
       status text NOT NULL,
       version integer NOT NULL,
       events integer NOT NULL,
       PRIMARY KEY (run_id, order_id)
     )`,
  );
}
