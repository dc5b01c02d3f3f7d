import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

/** The test database: DATABASE_URL when set, else the PostgreSQL these machines run. */
export const databaseUrl = (): string =>
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other test file or run uses. */
export const uniqueSchema = (label: string): string =>
  `t_${label}_${randomUUID().replaceAll('-', '').slice(0, 12)}`.toLowerCase();

/**
 * A pool on the test database and a schema of this test file's own: the schema is dropped, with
 * everything in it, and the pool ended after the file's tests.
 */
export function testDatabase(label: string): { pool: pg.Pool; schema: string } {
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 12 });
  const schema = uniqueSchema(label);
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });
  return { pool, schema };
}
