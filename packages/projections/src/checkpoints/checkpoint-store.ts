import type { Position, RecordedEvent } from '@aether/core';

/**
 * The right of one worker to run a projection: who holds it, and a fencing token that grows with
 * every new holder. A checkpoint store refuses a commit made under a lease that is no longer the
 * current one, so a worker that was paused or cut off while another took over can never commit
 * again.
 */
export interface Lease {
  readonly projection: string;
  readonly holder: string;
  readonly fencingToken: number;
  /** When the lease ends unless renewed, by the clock the store judges it with. */
  readonly expiresAt: Date;
}

/** The positions a commit moves a projection between: `from` is the one it was at. */
export interface CommitRange {
  readonly from: Position;
  readonly to: Position;
}

/**
 * An event that kept failing, set aside with what is known of its failure: the events of one
 * position (one event, or those saved together, which are never split).
 */
export interface ParkedEvent {
  readonly projection: string;
  readonly position: Position;
  readonly events: readonly RecordedEvent[];
  /** The last error's message. */
  readonly error: string;
  /** How many times applying it was tried. */
  readonly attempts: number;
  readonly parkedAt: Date;
}

/**
 * Where a projection keeps its position, its lease and its parked events. Every method that
 * changes anything takes the lease and checks it first, in the same step as the change.
 *
 * `Tx` is what `Projection.apply` receives: the store's transaction when it has one.
 */
export interface CheckpointStore<Tx = unknown> {
  /**
   * True when `commit` makes the batch's effects and the new position one transaction, so each
   * event changes the read model exactly once; false when it applies, then records the position
   * (at least once: after a crash between the two, the batch is applied again).
   */
  readonly exactlyOnce: boolean;
  /**
   * Takes the lease on `projection` for `holder` for `ttlMs`, when nobody holds it or its holder's
   * lease expired; `undefined` when another holder has it now.
   */
  acquire(projection: string, holder: string, ttlMs: number): Promise<Lease | undefined>;
  /** Extends the lease by `ttlMs`; `undefined` when it is no longer the current one (taken over). */
  renew(lease: Lease, ttlMs: number): Promise<Lease | undefined>;
  /** Gives the lease up, if it is still the current one. */
  release(lease: Lease): Promise<void>;
  /** The projection's committed position: 0 before its first commit. */
  position(projection: string): Promise<Position>;
  /**
   * Runs `apply` and moves the position from `range.from` to `range.to`, under the lease: with a
   * transaction, `apply` runs in it and the update checks (compare-and-set) both the position and
   * the lease. Throws `LeaseLostError` when the lease is not the current one any more, and
   * `CheckpointConflictError` when the position is not `range.from`; nothing is committed then.
   */
  commit(lease: Lease, range: CommitRange, apply: (tx: Tx) => Promise<void>): Promise<void>;
  /** Records `parked` and moves the position over it, as one commit under the lease. */
  park(lease: Lease, range: CommitRange, parked: ParkedEvent): Promise<void>;
  /** The projection's parked events, by position. */
  parked(projection: string): Promise<ParkedEvent[]>;
  /**
   * Runs `apply` for a parked event and forgets it, as one commit under the lease (the position
   * does not move): what re-playing it after a fix does. `false` when no such event is parked.
   */
  unpark(lease: Lease, position: Position, apply: (tx: Tx) => Promise<void>): Promise<boolean>;
}
