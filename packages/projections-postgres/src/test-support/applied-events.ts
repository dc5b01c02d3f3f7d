import type { Event, RecordedEvent } from '@aether/core';
import type pg from 'pg';

/**
 * A read model of one row per `(actor_id, version)` that counts how many times the event was
 * applied: an event applied twice shows as 2, one missed as no row.
 */
export async function createAppliedEvents(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(
    `CREATE TABLE "${schema}".applied_events (actor_id text, version int, applications int NOT NULL, PRIMARY KEY (actor_id, version))`,
  );
}

/** Counts `batch` in `client`'s transaction (counted here first: one statement may not touch a row twice). */
export async function recordApplied(
  client: pg.PoolClient,
  schema: string,
  batch: readonly RecordedEvent<Event>[],
): Promise<void> {
  const counts = new Map<string, { actorId: string; version: number; times: number }>();
  for (const { event } of batch) {
    const key = `${event.actorId}@${event.version}`;
    const count = counts.get(key) ?? { actorId: event.actorId, version: event.version, times: 0 };
    count.times++;
    counts.set(key, count);
  }
  const rows = [...counts.values()];
  await client.query(
    `INSERT INTO "${schema}".applied_events AS a (actor_id, version, applications)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
     ON CONFLICT (actor_id, version) DO UPDATE SET applications = a.applications + excluded.applications`,
    [rows.map((row) => row.actorId), rows.map((row) => row.version), rows.map((row) => row.times)],
  );
}

/** `actorId@version` and how many times it was applied, sorted by key. */
export async function readApplied(pool: pg.Pool, schema: string): Promise<Array<[string, number]>> {
  const { rows } = await pool.query<{ key: string; applications: number }>(
    `SELECT actor_id || '@' || version AS key, applications FROM "${schema}".applied_events`,
  );
  return rows
    .map((row): [string, number] => [row.key, row.applications])
    .sort(([a], [b]) => a.localeCompare(b));
}
