import type { EventLog, RecordedEvent } from '@aether/core';
import type pg from 'pg';
import { plural } from './format.js';
import { type OrderSummary, summariesFromLog } from './order-summary.js';
import { compareSummaries } from './summaries-compare.js';
import { projectionName, SUMMARIES_TABLE } from './summaries-table.js';

export interface SummariesVerification {
  ok: boolean;
  /** The committed position the table was compared at. */
  position: number;
  /** `verified: ...` or `verification FAILED ...`, one line. */
  line: string;
}

/**
 * Compares the run's table with what replaying its log computes, at the committed position. The
 * rows and the position are read in one REPEATABLE READ transaction: the runner may commit
 * meanwhile, and both must come from the same commit.
 */
export async function verifySummaries(
  pool: pg.Pool,
  log: EventLog,
  target: { schema: string; runId: string },
): Promise<SummariesVerification> {
  const { position, table } = await readTable(pool, target);
  const expected = summariesFromLog(await readLog(log, position));
  const differences = compareSummaries(table, expected);
  if (differences.length > 0) {
    return {
      ok: false,
      position,
      line: `verification FAILED at position ${position}: ${differences.join('; ')}`,
    };
  }
  const events = [...expected.values()].reduce((sum, order) => sum + order.events, 0);
  return {
    ok: true,
    position,
    line:
      `verified: ${plural(expected.size, 'order')} ${expected.size === 1 ? 'matches' : 'match'} the log at position ${position} ` +
      `(${plural(events, 'event')}, each counted once)`,
  };
}

async function readTable(
  pool: pg.Pool,
  { schema, runId }: { schema: string; runId: string },
): Promise<{ position: number; table: Map<string, OrderSummary> }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // postgresCheckpoints keeps positions in <schema>.aether_checkpoints (its README's "Tables"),
    // created when the runner starts: a project stopped at once may find none yet (position 0).
    const checkpoints = `${schema}.aether_checkpoints`;
    const created = await client.query('SELECT to_regclass($1) AS t', [checkpoints]);
    const checkpoint =
      created.rows[0]?.t == null
        ? { rows: [] }
        : await client.query<{ position: string }>(
            `SELECT position FROM ${checkpoints} WHERE projection = $1`,
            [projectionName(runId)],
          );
    const rows = await client.query<{
      order_id: string;
      customer: string | null;
      items: string;
      total_cents: string;
      status: OrderSummary['status'];
      version: number;
      events: number;
    }>(`SELECT * FROM ${schema}.${SUMMARIES_TABLE} WHERE run_id = $1`, [runId]);
    await client.query('COMMIT');
    const table = new Map<string, OrderSummary>();
    for (const row of rows.rows) {
      table.set(row.order_id, {
        customer: row.customer,
        items: Number(row.items),
        totalCents: Number(row.total_cents),
        status: row.status,
        version: row.version,
        events: row.events,
      });
    }
    return { position: Number(checkpoint.rows[0]?.position ?? 0), table };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Every event of the log up to `position`, page by page. */
async function readLog(log: EventLog, position: number): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after = 0;
  while (after < position) {
    const page = await log.readAll({ after, limit: 1000 });
    if (page.length === 0) break;
    for (const recorded of page) if (recorded.position <= position) events.push(recorded);
    after = page.at(-1)?.position ?? position;
  }
  return events;
}
