import type { Pool } from 'pg';

/**
 * Where `pool` connects, as `host:port/database` (never the password): from its connection string
 * or its options, with pg's defaults (the `PG*` environment variables, then localhost:5432).
 */
export function databaseAddress(pool: Pool): string {
  const options: Partial<Pool['options']> = (pool as { options?: Pool['options'] }).options ?? {};
  let host = options.host ?? process.env.PGHOST ?? 'localhost';
  let port = String(options.port ?? process.env.PGPORT ?? 5432);
  let database = options.database ?? process.env.PGDATABASE;
  if (options.connectionString !== undefined) {
    try {
      const url = new URL(options.connectionString);
      host = url.hostname || host;
      port = url.port || port;
      database = decodeURIComponent(url.pathname.slice(1)) || database;
    } catch {
      // Not a URL (a key=value string): the options above are the best guess.
    }
  }
  return `${host}:${port}${database === undefined ? '' : `/${database}`}`;
}
