import pg from 'pg';
import { SkipGroup } from '../../model.js';
import { runStreamPrefix } from '../jetstream/streams.js';

/** The bench's PostgreSQL: `DATABASE_URL`, else the local server the tests use. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
}

/** A pool on the bench's database; idle connections' errors are noted, never fatal. */
export function openPool(max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl(), max });
  pool.on('error', (error) => console.error(`bench: idle PostgreSQL connection: ${error.message}`));
  return pool;
}

/** Throws `SkipGroup` when the database cannot be reached, so the group is skipped, not failed. */
export async function requireDatabase(): Promise<void> {
  const pool = openPool(1);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    throw new SkipGroup(`no PostgreSQL at ${databaseUrl()} (${(error as Error).message})`);
  } finally {
    await pool.end();
  }
}

/** The prefix of this run's schemas: `bench_<run id>_`, dropped when the group closes. */
export function runSchemaPrefix(): string {
  return `${runStreamPrefix().replace(/-/g, '_')}_`;
}

/** Drops every schema of this bench run (a contender's process drops its own; this catches leftovers). */
export async function dropRunSchemas(): Promise<void> {
  const pool = openPool(1);
  try {
    const { rows } = await pool.query<{ name: string }>(
      'SELECT schema_name AS name FROM information_schema.schemata WHERE starts_with(schema_name, $1)',
      [runSchemaPrefix()],
    );
    for (const { name } of rows) await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  } finally {
    await pool.end();
  }
}
