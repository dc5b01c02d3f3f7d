import type { Lease } from '@aether/projections';
import { leaseLost } from '@aether/projections/adapter';
import type { CheckpointBucket } from '../bucket/checkpoint-bucket.js';
import { projectionKeys } from '../bucket/keys.js';
import { decodeLease, encodeRecord, type LeaseRecord } from '../bucket/records.js';
import { PositionFence } from './position-fence.js';

/**
 * The lease of each projection, one KV key (`lease.<projection>`) changed only by revision-checked
 * writes: of two workers taking it at once, one write wins and the other finds it taken. A lease
 * ends at the `expiresAt` its holder wrote, judged by `now`; the fencing token grows with every
 * new holder and is stamped on the position key at once (see `PositionFence`).
 */
export class Leases {
  readonly #bucket: CheckpointBucket;
  readonly #now: () => number;
  readonly #fence: PositionFence;

  constructor(bucket: CheckpointBucket, now: () => number) {
    this.#bucket = bucket;
    this.#now = now;
    this.#fence = new PositionFence(bucket);
  }

  async acquire(projection: string, holder: string, ttlMs: number): Promise<Lease | undefined> {
    const keys = projectionKeys(projection);
    const stored = await this.#bucket.read(keys.lease);
    const current =
      stored.value === undefined ? undefined : decodeLease(stored.value, this.#bucket.name, keys.lease);
    if (current?.holder != null && current.holder !== holder && current.expiresAt > this.#now())
      return undefined;
    const record: LeaseRecord = {
      holder,
      fencingToken: (current?.fencingToken ?? 0) + 1,
      expiresAt: this.#now() + ttlMs,
    };
    // Another worker wrote the lease since it was read: it took (or renewed) it first.
    if ((await this.#bucket.write(keys.lease, encodeRecord(record), stored.revision)) === 'stale')
      return undefined;
    await this.#fence.stamp(keys, record.fencingToken);
    return toLease(projection, record);
  }

  async renew(lease: Lease, ttlMs: number): Promise<Lease | undefined> {
    const keys = projectionKeys(lease.projection);
    const found = await this.#current(lease);
    if (found === undefined) return undefined;
    const record: LeaseRecord = { ...found.record, expiresAt: this.#now() + ttlMs };
    const written = await this.#bucket.write(keys.lease, encodeRecord(record), found.revision);
    return written === 'stale' ? undefined : toLease(lease.projection, record);
  }

  async release(lease: Lease): Promise<void> {
    const keys = projectionKeys(lease.projection);
    const stored = await this.#bucket.read(keys.lease);
    if (stored.value === undefined) return;
    const record = decodeLease(stored.value, this.#bucket.name, keys.lease);
    if (record.holder !== lease.holder || record.fencingToken !== lease.fencingToken) return;
    // The token stays in the key, so the next holder's is greater still.
    const released: LeaseRecord = { holder: null, fencingToken: record.fencingToken, expiresAt: 0 };
    await this.#bucket.write(keys.lease, encodeRecord(released), stored.revision);
  }

  /** Throws `LEASE_LOST` unless `lease` is the current, unexpired one. */
  async check(lease: Lease): Promise<void> {
    if ((await this.#current(lease)) === undefined) {
      throw leaseLost(lease.projection, lease.holder, lease.fencingToken);
    }
  }

  async #current(lease: Lease): Promise<{ record: LeaseRecord; revision: number } | undefined> {
    const key = projectionKeys(lease.projection).lease;
    const stored = await this.#bucket.read(key);
    if (stored.value === undefined) return undefined;
    const record = decodeLease(stored.value, this.#bucket.name, key);
    const current =
      record.holder === lease.holder &&
      record.fencingToken === lease.fencingToken &&
      record.expiresAt > this.#now();
    return current ? { record, revision: stored.revision } : undefined;
  }
}

function toLease(projection: string, record: LeaseRecord): Lease {
  return {
    projection,
    holder: record.holder as string,
    fencingToken: record.fencingToken,
    expiresAt: new Date(record.expiresAt),
  };
}
