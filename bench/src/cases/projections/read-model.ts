import type pg from 'pg';

/** What both contenders take from an event: its actor, version and order line. */
export interface ProjectedEvent {
  readonly actorId: string;
  readonly version: number;
  readonly data: { readonly quantity: number; readonly priceCents: number };
}

/**
 * The read model both contenders keep, in a schema of their own: one row per order (items, total,
 * last version applied). Created fresh, untimed.
 */
export async function createReadModel(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.query(`CREATE SCHEMA ${schema}`);
  await pool.query(
    `CREATE TABLE ${schema}.order_summaries (
       order_id text PRIMARY KEY, items bigint NOT NULL, total_cents bigint NOT NULL, last_version int NOT NULL)`,
  );
}

/**
 * One multi-row upsert for a batch, the same statement for both contenders: the batch's events
 * summed per order in JavaScript (a multi-row upsert may not touch a row twice), then one
 * `INSERT ... SELECT FROM unnest(...) ON CONFLICT DO UPDATE` adding them to the rows.
 */
export function summaryUpsert(schema: string, events: readonly ProjectedEvent[]): pg.QueryConfig {
  const orders = new Map<string, { items: number; total: number; version: number }>();
  for (const { actorId, version, data } of events) {
    const order = orders.get(actorId);
    if (order === undefined)
      orders.set(actorId, { items: 1, total: data.quantity * data.priceCents, version });
    else {
      order.items++;
      order.total += data.quantity * data.priceCents;
      order.version = Math.max(order.version, version);
    }
  }
  const ids: string[] = [];
  const items: number[] = [];
  const totals: number[] = [];
  const versions: number[] = [];
  for (const [id, order] of orders) {
    ids.push(id);
    items.push(order.items);
    totals.push(order.total);
    versions.push(order.version);
  }
  return {
    name: 'summary-upsert',
    text: `INSERT INTO ${schema}.order_summaries (order_id, items, total_cents, last_version)
      SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::int[])
      ON CONFLICT (order_id) DO UPDATE SET
        items = order_summaries.items + excluded.items,
        total_cents = order_summaries.total_cents + excluded.total_cents,
        last_version = greatest(order_summaries.last_version, excluded.last_version)`,
    values: [ids, items, totals, versions],
  };
}

/** Empties the read model between runs (untimed). */
export async function clearReadModel(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`TRUNCATE ${schema}.order_summaries`);
}

/** Throws unless the read model counts exactly `events` events: every event applied once. */
export async function expectApplied(
  pool: pg.Pool,
  schema: string,
  events: number,
  who: string,
): Promise<void> {
  const { rows } = await pool.query<{ items: string | null }>(
    `SELECT sum(items)::text AS items FROM ${schema}.order_summaries`,
  );
  const items = Number(rows[0]?.items ?? 0);
  if (items !== events) throw new Error(`${who}'s read model counts ${items} events, not ${events}`);
}

/** The last version applied to an order's row, as a query sees it; 0 without a row. */
export async function appliedVersion(pool: pg.Pool, schema: string, orderId: string): Promise<number> {
  const { rows } = await pool.query<{ last_version: number }>({
    name: 'applied-version',
    text: `SELECT last_version FROM ${schema}.order_summaries WHERE order_id = $1`,
    values: [orderId],
  });
  return rows[0]?.last_version ?? 0;
}
