import { isRetryable } from '@aether/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { databaseFailure } from './database-failure.js';
import { isPostgresCheckpointError } from './postgres-checkpoint-error.js';

const pool = (config: pg.PoolConfig) => new pg.Pool(config);
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 10.1.2.3:5999`), { code });

describe('databaseFailure', () => {
  it('reports a refused connection in one line naming the address (never the password) and what to do', () => {
    const error = databaseFailure(
      socketError('ECONNREFUSED'),
      pool({ connectionString: 'postgres://app:secret@db.internal:6543/shop' }),
      'taking the lease on projection "orders"',
    );
    expect(isPostgresCheckpointError(error, 'DATABASE_UNREACHABLE')).toBe(true);
    expect(isRetryable(error)).toBe(true);
    expect(error.message).toBe(
      'cannot reach PostgreSQL at db.internal:6543/shop while taking the lease on projection "orders" (ECONNREFUSED): ' +
        "start the server, or check the pool's connection settings (host, port, DATABASE_URL)",
    );
    expect(error.message).not.toContain('secret');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('reads the address from the pool options, and the codes of every address Node tried', () => {
    const tried = new AggregateError(
      [socketError('ECONNREFUSED'), socketError('ETIMEDOUT')],
      'connect failed',
    );
    const error = databaseFailure(
      tried,
      pool({ host: '127.0.0.1', port: 5999, database: 'test' }),
      'committing',
    );
    expect(error.message).toMatch(
      /^cannot reach PostgreSQL at 127\.0\.0\.1:5999\/test while committing \(ECONNREFUSED, ETIMEDOUT\)/,
    );
    expect(error.message).not.toContain('\n');
  });

  it.each([
    ['a connection the server ended', new Error('Connection terminated unexpectedly')],
    [
      'a server shutting down',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
  ])('reports %s as DATABASE_UNREACHABLE, retryable', (_case, cause) => {
    const error = databaseFailure(cause, pool({}), 'committing');
    expect(error.code).toBe('DATABASE_UNREACHABLE');
    expect(error.retryable).toBe(true);
  });

  it.each([
    ['40001', true],
    ['40P01', true],
    ['42501', false],
    ['3D000', false],
  ])('reports SQLSTATE %s as DATABASE_ERROR, retryable: %s', (code, retryable) => {
    const cause = Object.assign(new Error('the database said no\nDETAIL: more'), { code });
    const error = databaseFailure(cause, pool({ host: 'db', port: 5432 }), 'listing the parked events');
    expect(error).toMatchObject({ code: 'DATABASE_ERROR', retryable });
    expect(error.message).toBe(
      `PostgreSQL at db:5432 refused listing the parked events: the database said no (SQLSTATE ${code})`,
    );
  });
});
