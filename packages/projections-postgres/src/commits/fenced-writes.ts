import type { CommitRange, Lease, ParkedEvent } from '@aether/projections';
import { checkpointConflict } from '@aether/projections/adapter';
import type { PoolClient } from 'pg';
import { encodeParkedEvents } from '../parked/parked-rows.js';
import type { Database } from '../schema/database.js';
import { integerLiteral, textLiteral } from '../schema/sql-literals.js';
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
  await fencedTransaction(db, lease, `committing ${named(lease.projection)}`, {
    work: async (fenced) => {
      expectPosition(lease, range, fenced);
      await apply(fenced.client);
    },
    closing: (fenced) => movePosition(db, fenced.position, lease, range.to),
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
  await fencedTransaction(db, lease, doing, {
    work: async (fenced) => {
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
    },
    closing: (fenced) => movePosition(db, fenced.position, lease, range.to),
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
  return fencedTransaction(db, lease, doing, {
    work: async ({ client }) => {
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
    },
  });
}

function expectPosition(lease: Lease, range: CommitRange, fenced: Fenced): void {
  if (fenced.position !== range.from) throw checkpointConflict(lease.projection, range.from, fenced.position);
}

// Sent with the COMMIT. The row is locked and was checked, so the conditions hold; they repeat the
// compare-and-set in the statement that writes, as the last word: were one of them false, the
// position would become NULL, which the column refuses, and the COMMIT after it would not run.
function movePosition(db: Database, from: number, lease: Lease, to: number): string {
  return `UPDATE ${db.tables.checkpoints}
     SET position = CASE WHEN holder = ${textLiteral(lease.holder)}
       AND fencing_token = ${integerLiteral('fencingToken', lease.fencingToken)}
       AND position = ${integerLiteral('from', from)}
       THEN ${integerLiteral('to', to)} END,
       updated_at = now()
     WHERE projection = ${textLiteral(lease.projection)}`;
}
