import type { Database } from './database.js';

// One advisory lock key for every creation of these tables in a database: two workers starting
// at once take turns, so the second finds the tables made instead of racing `CREATE ... IF NOT
// EXISTS` (which can fail with a duplicate pg_type row when two sessions create at the same time).
const lockKey = 'aether projections-postgres: create tables';

/**
 * Creates the schema and the two tables when missing. Looks first, so a database user that may
 * only read and write the existing tables never needs the right to create anything.
 */
export async function ensureTables(db: Database): Promise<void> {
  const doing = 'creating the checkpoint tables';
  const { schema, checkpoints, parked, names } = db.tables;
  const exists = async (on: Parameters<Database['run']>[0]) => {
    const [row] = await db.run<{ found: boolean }>(
      on,
      doing,
      'SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL AS found',
      names,
    );
    return row?.found === true;
  };
  if (await exists(db.pool)) return;
  await db.transaction(doing, {
    work: async (client) => {
      await db.run(client, doing, 'SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey]);
      if (!(await exists(client))) {
        const [found] = await db.run<{ found: boolean }>(
          client,
          doing,
          'SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS found',
          [schema],
        );
        if (found?.found !== true) await db.run(client, doing, `CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        await db.run(
          client,
          doing,
          `CREATE TABLE IF NOT EXISTS ${checkpoints} (
          projection text PRIMARY KEY,
          position bigint NOT NULL DEFAULT 0,
          holder text,
          fencing_token bigint NOT NULL DEFAULT 0,
          expires_at timestamptz NOT NULL DEFAULT '-infinity',
          updated_at timestamptz NOT NULL DEFAULT now()
        )`,
        );
        await db.run(
          client,
          doing,
          `CREATE TABLE IF NOT EXISTS ${parked} (
          projection text NOT NULL,
          position bigint NOT NULL,
          events jsonb NOT NULL,
          error text NOT NULL,
          attempts integer NOT NULL,
          parked_at timestamptz NOT NULL,
          PRIMARY KEY (projection, position)
        )`,
        );
      }
    },
  });
}
