import { ValidationError } from '@aether/core';

/** Where and how `postgresCheckpoints` keeps its tables. */
export interface PostgresCheckpointsOptions {
  /** The schema of the tables, created when missing (default `'public'`). */
  schema?: string;
  /**
   * Start of the tables' names (default `'aether_'`): the tables are `<prefix>checkpoints` and
   * `<prefix>parked_events`.
   */
  tablePrefix?: string;
  /**
   * How long a commit's transaction may sit idle (its worker paused, or cut off from the database)
   * before PostgreSQL ends it, in milliseconds (default 15,000, the runner's default lease time).
   * While a commit runs it holds the projection's checkpoint row, so no other worker can take the
   * lease over; this bounds how long a frozen worker can stand in the way.
   */
  transactionIdleTimeoutMs?: number;
}

/** The defaults of `postgresCheckpoints`' options. */
export const POSTGRES_CHECKPOINT_DEFAULTS = Object.freeze({
  schema: 'public',
  tablePrefix: 'aether_',
  transactionIdleTimeoutMs: 15_000,
});

/** The checked options: quoted, schema-qualified table names ready for SQL. */
export interface Tables {
  readonly schema: string;
  readonly checkpoints: string;
  readonly parked: string;
  /** The unquoted names, for `to_regclass`. */
  readonly names: readonly [checkpoints: string, parked: string];
  readonly transactionIdleTimeoutMs: number;
}

// Plain lower-case identifiers only: they need no quoting rules beyond double quotes, and a name a
// user typed cannot turn into SQL. 63 bytes is PostgreSQL's limit; the longest suffix is 13.
const identifier = /^[a-z_][a-z0-9_]*$/;

export function resolveOptions(options: PostgresCheckpointsOptions = {}): Tables {
  const schema = options.schema ?? POSTGRES_CHECKPOINT_DEFAULTS.schema;
  const prefix = options.tablePrefix ?? POSTGRES_CHECKPOINT_DEFAULTS.tablePrefix;
  if (typeof schema !== 'string' || !identifier.test(schema) || schema.length > 63) {
    throw new ValidationError(
      'schema',
      `must be 1 to 63 lower-case letters, digits or "_", not starting with a digit; got ${JSON.stringify(schema)}`,
    );
  }
  if (typeof prefix !== 'string' || (prefix !== '' && !identifier.test(prefix)) || prefix.length > 50) {
    throw new ValidationError(
      'tablePrefix',
      `must be up to 50 lower-case letters, digits or "_", not starting with a digit; got ${JSON.stringify(prefix)}`,
    );
  }
  const idle = options.transactionIdleTimeoutMs ?? POSTGRES_CHECKPOINT_DEFAULTS.transactionIdleTimeoutMs;
  if (typeof idle !== 'number' || !Number.isSafeInteger(idle) || idle < 100 || idle > 3_600_000) {
    throw new ValidationError(
      'transactionIdleTimeoutMs',
      `must be a whole number from 100 to 3600000, got ${String(idle)}`,
    );
  }
  const checkpoints = `${prefix}checkpoints`;
  const parked = `${prefix}parked_events`;
  return {
    schema,
    checkpoints: `"${schema}"."${checkpoints}"`,
    parked: `"${schema}"."${parked}"`,
    names: [`${schema}.${checkpoints}`, `${schema}.${parked}`],
    transactionIdleTimeoutMs: idle,
  };
}
