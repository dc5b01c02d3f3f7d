import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

/** The test database: DATABASE_URL when set, else the PostgreSQL these machines run. */
export const databaseUrl = (): string =>
  process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A pool on the test database and a schema name of this test's own (`project --schema`): the
 * schema is dropped, with everything in it, and the pool ended after the file's tests.
 */
export function testDatabase(): { pool: pg.Pool; newSchema: () => string } {
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 2 });
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });
  const newSchema = () => {
    const schema = `t_demo_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    schemas.push(schema);
    return schema;
  };
  return { pool, newSchema };
}
