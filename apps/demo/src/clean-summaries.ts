import type pg from 'pg';
import { plural } from './format.js';
import { projectionName, SUMMARIES_TABLE } from './summaries-table.js';

/** A run's read model in PostgreSQL: its rows in order_summaries, its checkpoint and parked events. */
export interface RunSummaries {
  runId: string;
  rows: number;
}

/**
 * `project`'s leftovers in `schema` for the given runs: only runs with rows or a checkpoint there.
 * Nothing when `project` never ran against this database (no table).
 */
export async function findRunSummaries(
  pool: pg.Pool,
  schema: string,
  runIds: readonly string[],
): Promise<RunSummaries[]> {
  const exists = await pool.query<{ table: string | null }>('SELECT to_regclass($1)::text AS table', [
    `${schema}.${SUMMARIES_TABLE}`,
  ]);
  if (exists.rows[0]?.table == null || runIds.length === 0) return [];
  const { rows } = await pool.query<{ run_id: string; rows: number }>(
    `SELECT run_id, count(*)::int AS rows FROM ${schema}.${SUMMARIES_TABLE}
     WHERE run_id = ANY($1) GROUP BY run_id ORDER BY run_id`,
    [runIds],
  );
  return rows.map((row) => ({ runId: row.run_id, rows: row.rows }));
}

/**
 * Removes a run's read model in one transaction: its rows, and its projection's checkpoint row and
 * parked events (the tables postgresCheckpoints documents), so a run id never finds old state.
 */
export async function removeRunSummaries(pool: pg.Pool, schema: string, runId: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`DELETE FROM ${schema}.${SUMMARIES_TABLE} WHERE run_id = $1`, [runId]);
    for (const table of ['aether_checkpoints', 'aether_parked_events']) {
      if ((await client.query('SELECT to_regclass($1) AS t', [`${schema}.${table}`])).rows[0]?.t != null) {
        await client.query(`DELETE FROM ${schema}.${table} WHERE projection = $1`, [projectionName(runId)]);
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export const describeRunSummaries = (schema: string, { runId, rows }: RunSummaries): string =>
  `order summaries of run ${runId} in ${schema}.${SUMMARIES_TABLE} (${plural(rows, 'row')})`;
