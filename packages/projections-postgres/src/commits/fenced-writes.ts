import type { CommitRange, Lease, ParkedEvent } from '@aether/projections';
import { checkpointConflict, leaseLost } from '@aether/projections/adapter';
import type { PoolClient } from 'pg';
import { encodeParkedEvents } from '../parked/parked-rows.js';
import type { Database } from '../schema/database.js';
import { type Fenced, fencedTransaction } from './fenced-transaction.js';

const named = (projection: string) => `projection ${JSON.stringify(projection)}`;

/**
 * One transaction: check the lease and that the position is `range.from` (compare-and-set), run
 * `apply` with the transaction's client, move the position to `range.to`. A crash anywhere before
 * the COMMIT leaves neither the read model's rows nor the position: exactly once.
 */
export async function commitBatch(
  db: Database,
  lease: Lease,
  range: CommitRange,
  apply: (tx: PoolClient) => Promise<void>,
): Promise<void> {
  await fencedTransaction(db, lease, `committing ${named(lease.projection)}`, async (fenced) => {
    expectPosition(lease, range, fenced);
    await apply(fenced.client);
    await movePosition(db, fenced, lease, range.to);
  });
}

/** One transaction: check the lease and the position, store the parked entry, move the position over it. */
export async function parkEvent(
  db: Database,
  lease: Lease,
  range: CommitRange,
  parked: ParkedEvent,
): Promise<void> {
  const doing = `parking position ${parked.position} of ${named(lease.projection)}`;
  await fencedTransaction(db, lease, doing, async (fenced) => {
    expectPosition(lease, range, fenced);
    await db.run(
      fenced.client,
      doing,
      `INSERT INTO ${db.tables.parked} (projection, position, events, error, attempts, parked_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6)
       ON CONFLICT (projection, position) DO UPDATE
         SET events = excluded.events, error = excluded.error, attempts = excluded.attempts, parked_at = excluded.parked_at`,
      [
        lease.projection,
        parked.position,
        encodeParkedEvents(parked.events),
        parked.error,
        parked.attempts,
        parked.parkedAt,
      ],
    );
    await movePosition(db, fenced, lease, range.to);
  });
}

/**
 * One transaction: check the lease, take the parked entry (locked), run `apply` with it, delete
 * it. `false`, with nothing applied, when nothing is parked at `position`.
 */
export async function unparkEvent(
  db: Database,
  lease: Lease,
  position: number,
  apply: (tx: PoolClient) => Promise<void>,
): Promise<boolean> {
  const doing = `re-playing parked position ${position} of ${named(lease.projection)}`;
  return fencedTransaction(db, lease, doing, async ({ client }) => {
    const found = await db.run(
      client,
      doing,
      `SELECT 1 FROM ${db.tables.parked} WHERE projection = $1 AND position = $2 FOR UPDATE`,
      [lease.projection, position],
    );
    if (found.length === 0) return false;
    await apply(client);
    await db.run(client, doing, `DELETE FROM ${db.tables.parked} WHERE projection = $1 AND position = $2`, [
      lease.projection,
      position,
    ]);
    return true;
  });
}

function expectPosition(lease: Lease, range: CommitRange, fenced: Fenced): void {
  if (fenced.position !== range.from) throw checkpointConflict(lease.projection, range.from, fenced.position);
}

// The row is locked and was checked, so this cannot miss; the conditions repeat the
// compare-and-set in the statement that writes, as the last word.
async function movePosition(db: Database, fenced: Fenced, lease: Lease, to: number): Promise<void> {
  const moved = await db.run(
    fenced.client,
    `committing ${named(lease.projection)}`,
    `UPDATE ${db.tables.checkpoints} SET position = $4, updated_at = now()
     WHERE projection = $1 AND holder = $2 AND fencing_token = $3 AND position = $5
     RETURNING position`,
    [lease.projection, lease.holder, lease.fencingToken, to, fenced.position],
  );
  if (moved.length !== 1) throw leaseLost(lease.projection, lease.holder, lease.fencingToken);
}
