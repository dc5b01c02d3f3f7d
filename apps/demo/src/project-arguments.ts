import { ArgumentError } from './argument-error.js';
import type { Command, OptionName } from './arguments.js';
import { type Database, defaultDatabaseUrl, parseDatabaseUrl } from './database-url.js';
import type { NatsServer } from './nats-url.js';
import { DEFAULT_DEMO_SCHEMA } from './summaries-table.js';
import { runIdArgument } from './watch-arguments.js';

/** `project`: a run's log (`--run`, default the newest) into PostgreSQL (`--database`, `--schema`). */
export function projectCommand(
  server: NatsServer,
  values: Partial<Record<OptionName, string>>,
  env: NodeJS.ProcessEnv = process.env,
): Command {
  return {
    kind: 'project',
    server,
    database: databaseArgument(values.database ?? defaultDatabaseUrl(env)),
    schema: values.schema === undefined ? DEFAULT_DEMO_SCHEMA : schemaArgument(values.schema),
    run: values.run === undefined ? undefined : runIdArgument(values.run),
  };
}

export function databaseArgument(text: string): Database {
  const parsed = parseDatabaseUrl(text);
  if ('error' in parsed) throw new ArgumentError(parsed.error);
  return parsed;
}

// The schema name goes into SQL statements as an identifier: only plain lower-case names.
export function schemaArgument(text: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(text)) {
    throw new ArgumentError(
      `--schema must be lower-case letters, digits and _ (at most 63, not starting with a digit), not ${JSON.stringify(text)}`,
    );
  }
  return text;
}
