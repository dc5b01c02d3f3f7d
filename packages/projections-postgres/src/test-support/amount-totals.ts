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

/** Every event of the store's log, read with readAll a page at a time. */
export async function readLog(store: JetStreamEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: events.at(-1)?.position ?? 0, limit: 1_000 });
    if (page.length === 0) return events;
    events.push(...page);
  }
}

/** What the read model must be: every event in the log counted once, computed from readAll. */
export async function amountTotalsOracle(store: JetStreamEventStore): Promise<Map<string, Total>> {
  const totals = new Map<string, Total>();
  for (const { event } of await readLog(store)) {
    const total = totals.get(event.actorId) ?? { events: 0, amount: 0, lastVersion: 0 };
    total.events++;
    total.amount += (event.data as { amount: number }).amount;
    total.lastVersion = Math.max(total.lastVersion, event.version);
    totals.set(event.actorId, total);
  }
  return totals;
}
