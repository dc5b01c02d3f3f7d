/** A PostgreSQL database given with `--database` (or DATABASE_URL): the URL for `pg` and how to name it. */
export interface Database {
  /** `postgres://[user[:password]@]host[:port]/database`, as given. */
  url: string;
  /** `host:port/database`, without credentials: what the demo prints. */
  display: string;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The database `project` uses when `--database` is left out: DATABASE_URL, else the local test database. */
export function defaultDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** Reads a PostgreSQL URL, or returns a one-line reason why the value is not one. */
export function parseDatabaseUrl(value: string): Database | { error: string } {
  const shown = JSON.stringify(value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { error: `--database ${shown} is not a valid URL; expected postgres://user@host:port/database` };
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return { error: `--database ${shown} must use postgres://, not ${url.protocol}//` };
  }
  if (url.hostname === '')
    return { error: `--database ${shown} has no host; expected postgres://user@host:port/database` };
  const database = url.pathname.slice(1);
  if (database === '' || database.includes('/')) {
    return { error: `--database ${shown} names no database; expected postgres://user@host:port/database` };
  }
  return { url: value, display: `${url.hostname}:${url.port || 5432}/${database}` };
}
