import type { Lease } from '@aether/projections';
import type { Database } from '../schema/database.js';

interface LeaseRow {
  holder: string;
  fencing_token: string;
  expires_at: Date;
}

const leaseOf = (projection: string, row: LeaseRow): Lease => ({
  projection,
  holder: row.holder,
  fencingToken: Number(row.fencing_token),
  expiresAt: row.expires_at,
});

/**
 * Takes the lease in one statement, judged by the database's clock: inserts the projection's row,
 * or takes it over when it is free (released or expired) or already `holder`'s, with the fencing
 * token one up. Of workers asking at once, PostgreSQL makes all but the first wait on the row and
 * then see it taken.
 */
export async function acquireLease(
  db: Database,
  projection: string,
  holder: string,
  ttlMs: number,
): Promise<Lease | undefined> {
  const { checkpoints } = db.tables;
  const [row] = await db.run<LeaseRow>(
    db.pool,
    `taking the lease on projection ${JSON.stringify(projection)}`,
    `INSERT INTO ${checkpoints} AS c (projection, holder, fencing_token, expires_at)
     VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond')
     ON CONFLICT (projection) DO UPDATE
       SET holder = excluded.holder, fencing_token = c.fencing_token + 1, expires_at = excluded.expires_at
       WHERE c.holder IS NULL OR c.expires_at <= now() OR c.holder = excluded.holder
     RETURNING holder, fencing_token, expires_at`,
    [projection, holder, ttlMs],
  );
  return row === undefined ? undefined : leaseOf(projection, row);
}

/** Extends the lease while it is still the current one and has not run out. */
export async function renewLease(db: Database, lease: Lease, ttlMs: number): Promise<Lease | undefined> {
  const [row] = await db.run<LeaseRow>(
    db.pool,
    `renewing the lease on projection ${JSON.stringify(lease.projection)}`,
    `UPDATE ${db.tables.checkpoints}
     SET expires_at = now() + $4 * interval '1 millisecond'
     WHERE projection = $1 AND holder = $2 AND fencing_token = $3 AND expires_at > now()
     RETURNING holder, fencing_token, expires_at`,
    [lease.projection, lease.holder, lease.fencingToken, ttlMs],
  );
  return row === undefined ? undefined : leaseOf(lease.projection, row);
}

/** Frees the lease at once, if it is still the current one; the fencing token stays, to grow on. */
export async function releaseLease(db: Database, lease: Lease): Promise<void> {
  await db.run(
    db.pool,
    `releasing the lease on projection ${JSON.stringify(lease.projection)}`,
    `UPDATE ${db.tables.checkpoints} SET holder = NULL, expires_at = '-infinity'
     WHERE projection = $1 AND holder = $2 AND fencing_token = $3`,
    [lease.projection, lease.holder, lease.fencingToken],
  );
}

/** The committed position: 0 for a projection without a row. */
export async function readPosition(db: Database, projection: string): Promise<number> {
  const [row] = await db.run<{ position: string }>(
    db.pool,
    `reading the position of projection ${JSON.stringify(projection)}`,
    `SELECT position FROM ${db.tables.checkpoints} WHERE projection = $1`,
    [projection],
  );
  return row === undefined ? 0 : Number(row.position);
}
