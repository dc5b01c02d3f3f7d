import type { Lease } from '@aether/projections';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPostgresCheckpointError } from './errors/postgres-checkpoint-error.js';
import { postgresCheckpoints } from './postgres-checkpoints.js';
import { testDatabase } from './test-support/database.js';

const { pool, schema } = testDatabase('round_trips');
const checkpoints = postgresCheckpoints(pool, { schema });
const sent: string[] = [];
let projectionCount = 0;
const newProjection = () => `projection-${++projectionCount}`;

beforeAll(async () => {
  // Every statement any client of the pool sends, in order.
  pool.on('connect', (client: pg.PoolClient) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: typeof query }).query = (...args: unknown[]) => {
      const [first] = args;
      sent.push(typeof first === 'string' ? first : String((first as { text?: unknown }).text));
      return query(...args);
    };
  });
  await checkpoints.position('warm-up'); // creates the schema and the tables
  await pool.query(`CREATE TABLE "${schema}".rows (projection text, n int)`);
});

const rowsOf = async (projection: string) =>
  (
    await pool.query(`SELECT n FROM "${schema}".rows WHERE projection = $1 ORDER BY n`, [projection])
  ).rows.map(({ n }) => n as number);

describe('a commit', () => {
  it('takes three round trips when apply writes with one statement: BEGIN with the lease check, the write, the position with COMMIT', async () => {
    const projection = newProjection();
    const lease = (await checkpoints.acquire(projection, 'worker', 60_000)) as Lease;
    sent.length = 0;
    await checkpoints.commit(lease, { from: 0, to: 7 }, async (tx) => {
      await tx.query(`INSERT INTO "${schema}".rows VALUES ($1, 7)`, [projection]);
    });
    expect(sent).toHaveLength(3);
    expect(sent[0]).toMatch(/^BEGIN; SELECT [^;]* FOR UPDATE$/s);
    expect(sent[1]).toContain('INSERT INTO');
    expect(sent[2]).toMatch(/^UPDATE [^;]*; COMMIT$/s);
    expect(await checkpoints.position(projection)).toBe(7);
    expect(await rowsOf(projection)).toEqual([7]);
  });

  it('commits nothing when the checkpoint row no longer matches at the last statement', async () => {
    const projection = newProjection();
    const lease = (await checkpoints.acquire(projection, 'worker', 60_000)) as Lease;
    const failed = checkpoints.commit(lease, { from: 0, to: 3 }, async (tx) => {
      await tx.query(`INSERT INTO "${schema}".rows VALUES ($1, 3)`, [projection]);
      // What the row lock rules out, done inside the transaction itself: the lease moves on.
      await tx.query(
        `UPDATE "${schema}".aether_checkpoints SET fencing_token = fencing_token + 1 WHERE projection = $1`,
        [projection],
      );
    });
    await expect(failed).rejects.toSatisfy((error) => isPostgresCheckpointError(error, 'DATABASE_ERROR'));
    expect(await rowsOf(projection)).toEqual([]);
    expect(await checkpoints.position(projection)).toBe(0);
    await checkpoints.commit(lease, { from: 0, to: 1 }, async () => undefined);
    expect(await checkpoints.position(projection)).toBe(1);
  });

  it('takes projection and holder names with quotes and backslashes as they are', async () => {
    const projection = `o'rders\\ "x" -- ;${newProjection()}`;
    const holder = `worker 'a'\\`;
    const lease = (await checkpoints.acquire(projection, holder, 60_000)) as Lease;
    await checkpoints.commit(lease, { from: 0, to: 2 }, async (tx) => {
      await tx.query(`INSERT INTO "${schema}".rows VALUES ($1, 2)`, [projection]);
    });
    expect(await checkpoints.position(projection)).toBe(2);
    expect(await rowsOf(projection)).toEqual([2]);
    const other = (await checkpoints.acquire(`o'rders`, holder, 60_000)) as Lease;
    await checkpoints.commit(other, { from: 0, to: 1 }, async () => undefined);
    expect(await checkpoints.position(projection)).toBe(2);
  });
});
