import type { CommitRange, Lease } from '@aether/projections';
import { checkpointConflict, leaseLost } from '@aether/projections/adapter';
import type { CheckpointBucket } from '../bucket/checkpoint-bucket.js';
import type { ProjectionKeys } from '../bucket/keys.js';
import { decodePosition, encodeRecord, type PositionRecord } from '../bucket/records.js';

/** The position key as read: its record and the revision to check the next write against. */
export interface ReadPosition {
  record: PositionRecord;
  revision: number;
}

/**
 * The position key, written only with a revision check, holding the fencing token of the last
 * lease it was written under. A new holder stamps its token on it as it takes the lease, which
 * changes its revision: a commit prepared under an older lease then fails its revision check,
 * finds the newer token and is refused with `LEASE_LOST`, even if it checked the lease just before.
 */
export class PositionFence {
  readonly #bucket: CheckpointBucket;

  constructor(bucket: CheckpointBucket) {
    this.#bucket = bucket;
  }

  /** The position key; 0 (and token 0) before the first commit. */
  async read(keys: ProjectionKeys): Promise<ReadPosition> {
    const stored = await this.#bucket.read(keys.position);
    const record =
      stored.value === undefined
        ? { position: 0, fencingToken: 0 }
        : decodePosition(stored.value, this.#bucket.name, keys.position);
    return { record, revision: stored.revision };
  }

  /** The position key, read for `lease`: `LEASE_LOST` when a newer lease has stamped it. */
  async readUnder(keys: ProjectionKeys, lease: Lease): Promise<ReadPosition> {
    const read = await this.read(keys);
    if (read.record.fencingToken > lease.fencingToken) throw lost(lease);
    return read;
  }

  /** Stamps a new holder's `fencingToken` on the position key (unless a newer one is there already). */
  async stamp(keys: ProjectionKeys, fencingToken: number): Promise<void> {
    for (;;) {
      const { record, revision } = await this.read(keys);
      if (record.fencingToken >= fencingToken) return;
      const stamped = { position: record.position, fencingToken };
      if ((await this.#bucket.write(keys.position, encodeRecord(stamped), revision)) !== 'stale') return;
    }
  }

  /**
   * Moves the position from `range.from` to `range.to` under `lease`, starting from `read`.
   * A write that finds the key changed reads it again: a newer token is `LEASE_LOST`, another
   * position `CHECKPOINT_CONFLICT`; the same position under the same lease (a re-play of a parked
   * event rewrote it) is written again.
   */
  async move(keys: ProjectionKeys, lease: Lease, range: CommitRange, read: ReadPosition): Promise<void> {
    let current = read;
    for (;;) {
      if (current.record.fencingToken > lease.fencingToken) throw lost(lease);
      if (current.record.position !== range.from) {
        throw checkpointConflict(lease.projection, range.from, current.record.position);
      }
      const moved = { position: range.to, fencingToken: lease.fencingToken };
      if ((await this.#bucket.write(keys.position, encodeRecord(moved), current.revision)) !== 'stale')
        return;
      current = await this.read(keys);
    }
  }

  /**
   * Proves that no newer lease has stamped the position key since `read`: rewrites it as it is,
   * with a revision check (reading it again when this lease's own commit moved it meanwhile).
   */
  async confirm(keys: ProjectionKeys, lease: Lease, read: ReadPosition): Promise<void> {
    let current = read;
    for (;;) {
      if (current.record.fencingToken > lease.fencingToken) throw lost(lease);
      const same = encodeRecord(current.record);
      if ((await this.#bucket.write(keys.position, same, current.revision)) !== 'stale') return;
      current = await this.read(keys);
    }
  }
}

const lost = (lease: Lease) => leaseLost(lease.projection, lease.holder, lease.fencingToken);
