import type { Event, RecordedEvent } from '@aether/core';
import type pg from 'pg';

type Amount = { amount: number };

/**
 * Adds `batch` to `<schema>.amount_totals` in `client`'s transaction (see ../amount-totals.ts):
 * counts and sums, not idempotent on purpose, so an event applied twice is counted twice.
 */
export async function addToAmountTotals(
  client: pg.PoolClient,
  schema: string,
  batch: readonly RecordedEvent<Event>[],
): Promise<void> {
  const totals = new Map<string, { events: number; amount: number; last: number }>();
  for (const { event } of batch) {
    const total = totals.get(event.actorId) ?? { events: 0, amount: 0, last: 0 };
    total.events++;
    total.amount += (event.data as Amount).amount;
    total.last = Math.max(total.last, event.version);
    totals.set(event.actorId, total);
  }
  const rows = [...totals];
  await client.query(
    `INSERT INTO "${schema}".amount_totals AS t (actor_id, events, amount, last_version)
     SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::int[])
     ON CONFLICT (actor_id) DO UPDATE SET events = t.events + excluded.events,
       amount = t.amount + excluded.amount, last_version = greatest(t.last_version, excluded.last_version)`,
    [
      rows.map(([id]) => id),
      rows.map(([, t]) => t.events),
      rows.map(([, t]) => t.amount),
      rows.map(([, t]) => t.last),
    ],
  );
}
