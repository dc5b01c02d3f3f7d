import { isValidationError } from '@aether/core';
import pg from 'pg';
import { expect, it } from 'vitest';
import { postgresCheckpoints } from './postgres-checkpoints.js';

it('is exactly once, and connects to nothing until it is first used', async () => {
  const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
  const checkpoints = postgresCheckpoints(pool, { schema: 'read_models' });
  expect(checkpoints.exactlyOnce).toBe(true);
  expect(pool.totalCount).toBe(0);
  await pool.end();
});

it.each([
  ['no pool', undefined, 'pool'],
  ['a connection string', 'postgres://postgres@127.0.0.1/test', 'pool'],
])('refuses %s with a ValidationError naming the field, at once', (_case, pool, field) => {
  let error: unknown;
  try {
    postgresCheckpoints(pool as unknown as pg.Pool);
  } catch (caught) {
    error = caught;
  }
  expect(isValidationError(error)).toBe(true);
  expect(error).toMatchObject({ field });
});

it('refuses bad options before it looks at the pool', () => {
  expect(() => postgresCheckpoints(undefined as unknown as pg.Pool, { schema: 'Bad' })).toThrow(
    expect.objectContaining({ field: 'schema' }),
  );
});
