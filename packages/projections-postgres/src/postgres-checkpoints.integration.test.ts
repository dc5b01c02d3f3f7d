import type { Lease } from '@aether/projections';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPostgresCheckpointError } from './errors/postgres-checkpoint-error.js';
import { postgresCheckpoints } from './postgres-checkpoints.js';
import { databaseUrl, testDatabase, uniqueSchema } from './test-support/database.js';

const { pool, schema } = testDatabase('checkpoints');
const checkpoints = postgresCheckpoints(pool, { schema });
let projectionCount = 0;
const newProjection = () => `projection-${++projectionCount}`;

beforeAll(async () => {
  await checkpoints.position('warm-up'); // creates the schema and the tables
  await pool.query(`CREATE TABLE "${schema}".rows (projection text, n int)`);
});

const rowsOf = async (projection: string) =>
  (
    await pool.query(`SELECT n FROM "${schema}".rows WHERE projection = $1 ORDER BY n`, [projection])
  ).rows.map(({ n }) => n as number);

/** A promise and what resolves it: a step of a test the test itself lets go. */
function gate(): { passed: Promise<void>; open(): void } {
  let open = () => {};
  const passed = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { passed, open };
}

// Resolves once the database's own clock has passed the lease's end as the database keeps it. Not
// `lease.expiresAt`: a Date is cut to the millisecond, so it can say over up to 1 ms before the
// database does, and a takeover sent in that window is refused (seen once beside another test run).
async function untilExpired(lease: Lease): Promise<void> {
  for (;;) {
    const { rows } = await pool.query(
      `SELECT now() >= expires_at AS over FROM "${schema}".aether_checkpoints WHERE projection = $1`,
      [lease.projection],
    );
    if (rows[0]?.over === true) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('postgresCheckpoints', () => {
  it('commits the rows apply writes with the position, and neither when apply fails after writing', async () => {
    const projection = newProjection();
    const lease = (await checkpoints.acquire(projection, 'worker', 60_000)) as Lease;
    await checkpoints.commit(lease, { from: 0, to: 1 }, async (tx) => {
      await tx.query(`INSERT INTO "${schema}".rows VALUES ($1, 1)`, [projection]);
    });
    const failed = checkpoints.commit(lease, { from: 1, to: 2 }, async (tx) => {
      await tx.query(`INSERT INTO "${schema}".rows VALUES ($1, 2)`, [projection]);
      throw new Error('the read model refused event 2');
    });
    await expect(failed).rejects.toThrow('the read model refused event 2');
    expect(await rowsOf(projection)).toEqual([1]);
    expect(await checkpoints.position(projection)).toBe(1);
  });

  it('lets a commit that began under the current lease finish before anyone takes the lease over', async () => {
    const projection = newProjection();
    const first = (await checkpoints.acquire(projection, 'first', 200)) as Lease;
    const finish = gate();
    const inApply = gate();
    const commit = checkpoints.commit(first, { from: 0, to: 1 }, async (tx) => {
      await tx.query(`INSERT INTO "${schema}".rows VALUES ($1, 1)`, [projection]);
      inApply.open();
      await finish.passed;
    });
    await inApply.passed;
    await untilExpired(first);
    // The lease has run out, but the commit holds the checkpoint row: the takeover waits for it.
    let takenOver = false;
    const taking = checkpoints.acquire(projection, 'second', 60_000).then((lease) => {
      takenOver = true;
      return lease;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(takenOver).toBe(false);
    finish.open();
    await commit;
    const second = await taking;
    expect(second?.fencingToken).toBe(first.fencingToken + 1);
    expect(await checkpoints.position(projection)).toBe(1);
    expect(await rowsOf(projection)).toEqual([1]);
  });

  it('has PostgreSQL end the transaction of a worker frozen in a commit, so another takes over, and the frozen one commits nothing', async () => {
    const strict = postgresCheckpoints(pool, { schema, transactionIdleTimeoutMs: 300 });
    const projection = newProjection();
    const frozen = (await strict.acquire(projection, 'frozen', 200)) as Lease;
    const thaw = gate();
    const commit = strict.commit(frozen, { from: 0, to: 1 }, async (tx) => {
      await tx.query(`INSERT INTO "${schema}".rows VALUES ($1, 1)`, [projection]);
      await thaw.passed; // idle in the transaction, as a paused process would be
    });
    commit.catch(() => undefined);
    let taker: Lease | undefined;
    while (taker === undefined) taker = await strict.acquire(projection, 'taker', 60_000);
    thaw.open();
    await expect(commit).rejects.toSatisfy((error) => isPostgresCheckpointError(error));
    await strict.commit(taker, { from: 0, to: 5 }, async (tx) => {
      await tx.query(`INSERT INTO "${schema}".rows VALUES ($1, 5)`, [projection]);
    });
    expect(await rowsOf(projection)).toEqual([5]);
    expect(await strict.position(projection)).toBe(5);
  });

  it('creates its tables once when several workers start at once on a new schema', async () => {
    const fresh = uniqueSchema('race');
    const pools = Array.from({ length: 6 }, () => new pg.Pool({ connectionString: databaseUrl(), max: 2 }));
    try {
      const stores = pools.map((each) => postgresCheckpoints(each, { schema: fresh, tablePrefix: 'p_' }));
      const leases = await Promise.all(
        stores.map((store, index) => store.acquire('shared', `worker-${index}`, 60_000)),
      );
      expect(leases.filter((lease) => lease !== undefined)).toHaveLength(1);
      const { rows } = await pool.query(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
        [fresh],
      );
      expect(rows.map(({ table_name }) => table_name)).toEqual(['p_checkpoints', 'p_parked_events']);
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${fresh}" CASCADE`);
      await Promise.all(pools.map((each) => each.end()));
    }
  });
});
