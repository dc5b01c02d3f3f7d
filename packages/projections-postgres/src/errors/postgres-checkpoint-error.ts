import type { AetherError } from '@aether/core';
import { type ErrorKind, errorKind } from '@aether/core/adapter';

/**
 * What went wrong talking to PostgreSQL, as a stable code:
 *
 * | code | retryable | meaning |
 * |---|---|---|
 * | `DATABASE_UNREACHABLE` | yes | no connection to the database (refused, reset, timed out, shut down) |
 * | `DATABASE_ERROR` | when PostgreSQL says so | the database refused a statement of the checkpoint store (a permission, a serialization failure, ...) |
 *
 * Errors thrown by the projection's own `apply` are never wrapped.
 */
export type PostgresCheckpointErrorCode = 'DATABASE_UNREACHABLE' | 'DATABASE_ERROR';

/** An error of `postgresCheckpoints` talking to its database: see `code`. */
export class PostgresCheckpointError extends Error implements AetherError {
  readonly code: PostgresCheckpointErrorCode;
  readonly retryable: boolean;

  constructor(
    code: PostgresCheckpointErrorCode,
    message: string,
    retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PostgresCheckpointError';
    this.code = code;
    this.retryable = retryable;
    postgresCheckpointErrors.mark(this);
  }
}

const postgresCheckpointErrors: ErrorKind<PostgresCheckpointError> = errorKind(
  '@aether/projections-postgres.PostgresCheckpointError',
);

/** True when `err` or an error in its `cause` chain is a `PostgresCheckpointError` (with one of `codes`). */
export const isPostgresCheckpointError = (err: unknown, ...codes: PostgresCheckpointErrorCode[]): boolean =>
  postgresCheckpointErrors.is(err, ...codes);
