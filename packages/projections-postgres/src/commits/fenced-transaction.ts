import type { Lease } from '@aether/projections';
import { leaseLost } from '@aether/projections/adapter';
import type { PoolClient } from 'pg';
import type { Database } from '../schema/database.js';

/** What a fenced transaction's work gets: the client in the transaction and the committed position. */
export interface Fenced {
  readonly client: PoolClient;
  readonly position: number;
}

interface CheckpointRow {
  position: string;
  holder: string | null;
  fencing_token: string;
  live: boolean;
}

/**
 * Runs `work` in a transaction that first locks the projection's checkpoint row and checks that
 * `lease` is its current, unexpired lease (else `LEASE_LOST`, before any work). The lock is what
 * makes the fencing hold: taking the lease over updates that row, so it waits until this
 * transaction ends, and a commit that began under the current lease ends before any takeover.
 * Everything `work` does commits together, or nothing does.
 */
export async function fencedTransaction<T>(
  db: Database,
  lease: Lease,
  doing: string,
  work: (fenced: Fenced) => Promise<T>,
): Promise<T> {
  return db.transaction(doing, async (client) => {
    // A worker frozen (or cut off) in the middle of a commit holds the row; PostgreSQL ends such a
    // transaction after transactionIdleTimeoutMs, so the lease can be taken over. Set in the same
    // statement as the lock: one round trip.
    const [row] = await db.run<CheckpointRow>(
      client,
      doing,
      `SELECT position, holder, fencing_token, expires_at > clock_timestamp() AS live,
         set_config('idle_in_transaction_session_timeout', $2, true) AS idle_timeout
       FROM ${db.tables.checkpoints} WHERE projection = $1 FOR UPDATE`,
      [lease.projection, String(db.tables.transactionIdleTimeoutMs)],
    );
    if (
      row === undefined ||
      row.holder !== lease.holder ||
      Number(row.fencing_token) !== lease.fencingToken ||
      !row.live
    ) {
      throw leaseLost(lease.projection, lease.holder, lease.fencingToken);
    }
    return work({ client, position: Number(row.position) });
  });
}
