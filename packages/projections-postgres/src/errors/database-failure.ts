import type { Pool } from 'pg';
import { databaseAddress } from './database-address.js';
import { PostgresCheckpointError } from './postgres-checkpoint-error.js';

// Node's socket errors that mean "no connection", and pg's own messages for a lost one.
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
const lostConnection =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;
// SQLSTATEs of a server that is going away or not there yet: class 08 and the shutdowns.
const unavailableStates = /^(08...|57P01|57P02|57P03)$/;
// SQLSTATEs where the same statement, tried again, may well succeed.
const retryableStates = new Set(['40001', '40P01', '55P03', '53300']);

/**
 * `error` (from a statement of the checkpoint store, `doing`) as a `PostgresCheckpointError` with
 * a one-line message naming the database's address and what to do; its `cause` keeps pg's error.
 */
export function databaseFailure(error: unknown, pool: Pool, doing: string): PostgresCheckpointError {
  const address = databaseAddress(pool);
  const codes = socketErrorCodes(error);
  const state = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (
    codes.length > 0 ||
    lostConnection.test(message) ||
    (typeof state === 'string' && unavailableStates.test(state))
  ) {
    const why = codes.length > 0 ? codes.join(', ') : message.split('\n')[0];
    return new PostgresCheckpointError(
      'DATABASE_UNREACHABLE',
      `cannot reach PostgreSQL at ${address} while ${doing} (${why}): start the server, or check the pool's ` +
        'connection settings (host, port, DATABASE_URL)',
      true,
      { cause: error },
    );
  }
  return new PostgresCheckpointError(
    'DATABASE_ERROR',
    `PostgreSQL at ${address} refused ${doing}: ${message.split('\n')[0]}${typeof state === 'string' ? ` (SQLSTATE ${state})` : ''}`,
    typeof state === 'string' && retryableStates.has(state),
    { cause: error },
  );
}

// The socket error codes of `error`, or of the errors of an AggregateError (Node tries every
// address a host name resolves to, and reports each).
function socketErrorCodes(error: unknown): string[] {
  const all = error instanceof AggregateError ? [error, ...error.errors] : [error];
  const codes = all
    .map((each) => (each as { code?: unknown } | null)?.code)
    .filter((code): code is string => typeof code === 'string' && socketCodes.has(code));
  return [...new Set(codes)];
}
