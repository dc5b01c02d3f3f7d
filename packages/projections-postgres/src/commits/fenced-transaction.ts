import type { Lease } from '@aether/projections';
import { leaseLost } from '@aether/projections/adapter';
import type { PoolClient } from 'pg';
import type { Database } from '../schema/database.js';
import { integerLiteral, textLiteral } from '../schema/sql-literals.js';

/** What a fenced transaction's work gets: the client in the transaction and the committed position. */
export interface Fenced {
  readonly client: PoolClient;
  readonly position: number;
}

/** The work of a fenced transaction, and the statements to send with its `COMMIT` (see `closing`). */
export interface FencedSteps<T> {
  readonly work: (fenced: Fenced) => Promise<T>;
  /** The last statements before `COMMIT`, in its round trip: when they fail, nothing commits. */
  readonly closing?: (fenced: Fenced, result: T) => string;
}

interface CheckpointRow {
  position: string;
  holder: string | null;
  fencing_token: string;
  live: boolean;
}

/**
 * Runs `steps.work` in a transaction that first locks the projection's checkpoint row and checks
 * that `lease` is its current, unexpired lease (else `LEASE_LOST`, before any work). The lock is
 * what makes the fencing hold: taking the lease over updates that row, so it waits until this
 * transaction ends, and a commit that began under the current lease ends before any takeover.
 * Everything `work` and `closing` do commits together, or nothing does.
 *
 * Round trips: `BEGIN` and the lock, the work's statements, `closing` and `COMMIT` (for a batch
 * whose `apply` writes with one statement, three in all).
 */
export async function fencedTransaction<T>(
  db: Database,
  lease: Lease,
  doing: string,
  steps: FencedSteps<T>,
): Promise<T> {
  let fenced: Fenced | undefined;
  return db.transaction<T, CheckpointRow>(doing, {
    // A worker frozen (or cut off) in the middle of a commit holds the row; PostgreSQL ends such a
    // transaction after transactionIdleTimeoutMs, so the lease can be taken over. Set in the same
    // statement as the lock, sent with BEGIN: one round trip.
    opening: `SELECT position, holder, fencing_token, expires_at > clock_timestamp() AS live,
         set_config('idle_in_transaction_session_timeout', '${integerLiteral('transactionIdleTimeoutMs', db.tables.transactionIdleTimeoutMs)}', true) AS idle_timeout
       FROM ${db.tables.checkpoints} WHERE projection = ${textLiteral(lease.projection)} FOR UPDATE`,
    work: (client, [row]) => {
      if (
        row === undefined ||
        row.holder !== lease.holder ||
        Number(row.fencing_token) !== lease.fencingToken ||
        !row.live
      ) {
        throw leaseLost(lease.projection, lease.holder, lease.fencingToken);
      }
      fenced = { client, position: Number(row.position) };
      return steps.work(fenced);
    },
    closing: (result) => steps.closing?.(fenced as Fenced, result),
  });
}
