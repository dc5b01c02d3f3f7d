import pg from 'pg';
import type { Database } from './database-url.js';
import { DemoError, oneLine } from './demo-error.js';
import { CONNECT_TIMEOUT_MS } from './limits.js';

/** What `project` calls itself in pg_stat_activity, with the run: its connections are easy to find. */
export const projectApplicationName = (runId: string): string => `aether-demo project ${runId}`;

/**
 * A pool on `database`, checked with one query, or one clear line. It gives up after
 * CONNECT_TIMEOUT_MS, as the NATS connection does, instead of waiting for the OS to time out.
 */
export async function connectDatabase(database: Database, applicationName: string): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: database.url,
    application_name: applicationName,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    max: 4,
  });
  // node-postgres reports errors of idle connections (a server restart) here; an unheard `error`
  // event would end the process. The runner retries what fails meanwhile.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
    return pool;
  } catch (error) {
    await pool.end().catch(() => {});
    throw databaseFailure(error, database);
  }
}

/** node-postgres gives system error codes (ECONNREFUSED) and PostgreSQL's SQLSTATE (3D000). */
export function databaseFailure(error: unknown, database: Database): DemoError {
  const at = `PostgreSQL at ${database.display}`;
  const code = (error as { code?: unknown } | null)?.code;
  const message = oneLine(error);
  if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EHOSTUNREACH' ||
    /timeout/i.test(message)
  ) {
    return new DemoError(
      'DATABASE_UNREACHABLE',
      `cannot reach ${at} (${typeof code === 'string' ? code : message}); start PostgreSQL, or pass --database <url>`,
      { cause: error },
    );
  }
  return new DemoError('DATABASE_FAILED', `${at}: ${message}`, { cause: error });
}
