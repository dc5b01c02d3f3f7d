import type { RecordedEvent } from '@aether/core';
import type { JetStreamEventStore } from '@aether/store-jetstream';
import type pg from 'pg';

/** Per actor: events counted, amounts summed, the highest version seen (see processes/projection-worker.ts). */
export interface Total {
  events: number;
  amount: number;
  lastVersion: number;
}

/** Creates the schema and the read model the projection worker keeps. */
export async function createAmountTotals(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`CREATE SCHEMA "${schema}"`);
  await pool.query(
    `CREATE TABLE "${schema}".amount_totals (actor_id text PRIMARY KEY, events int NOT NULL, amount bigint NOT NULL, last_version int NOT NULL)`,
  );
}

/** The read model as the workers left it. */
export async function readAmountTotals(pool: pg.Pool, schema: string): Promise<Map<string, Total>> {
  const { rows } = await pool.query<{
    actor_id: string;
    events: number;
    amount: string;
    last_version: number;
  }>(`SELECT actor_id, events, amount, last_version FROM "${schema}".amount_totals ORDER BY actor_id`);
  return new Map(
    rows.map((row) => [
      row.actor_id,
      { events: row.events, amount: Number(row.amount), lastVersion: row.last_version },
    ]),
  );
}

/** What the read model must be: every event in the log counted once, computed from readAll. */
export async function amountTotalsOracle(store: JetStreamEventStore): Promise<Map<string, Total>> {
  const totals = new Map<string, Total>();
  let after = 0;
  for (;;) {
    const page: RecordedEvent[] = await store.readAll({ after, limit: 1_000 });
    if (page.length === 0) return totals;
    for (const { event } of page) {
      const total = totals.get(event.actorId) ?? { events: 0, amount: 0, lastVersion: 0 };
      total.events++;
      total.amount += (event.data as { amount: number }).amount;
      total.lastVersion = Math.max(total.lastVersion, event.version);
      totals.set(event.actorId, total);
    }
    after = (page[page.length - 1] as RecordedEvent).position;
  }
}
