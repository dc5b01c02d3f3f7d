import type { CheckpointStore } from '@aether/projections';
import { checkpointConflict } from '@aether/projections/adapter';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { CheckpointBucket } from '../bucket/checkpoint-bucket.js';
import { projectionKeys } from '../bucket/keys.js';
import { type KvCheckpointsOptions, resolveKvOptions } from '../bucket/options.js';
import { decodeParked, encodeParked } from '../bucket/records.js';
import { Leases } from './leases.js';
import { PositionFence } from './position-fence.js';

/**
 * Checkpoints in a NATS KV bucket: each projection's position, its lease and its parked events.
 * At least once: `commit` runs `apply`, then records the position, so a worker that dies between
 * the two applies the batch again when the projection restarts; make `apply` idempotent, keyed on
 * each event's `(actorId, version)` or its position. A worker whose lease was taken over commits,
 * parks and re-plays nothing more (`LEASE_LOST`): the lease and the position are KV keys changed
 * only by revision-checked writes, and each new holder stamps its fencing token on the position.
 *
 * Give it a connection (the caller closes it) or a `JetStreamClient`; the bucket is created on
 * first use. The connection's own trouble surfaces as `KvCheckpointError`s, one line each.
 */
export function kvCheckpoints(
  connection: NatsConnection | JetStreamClient,
  options: KvCheckpointsOptions = {},
): CheckpointStore<undefined> {
  const settings = resolveKvOptions(options);
  const bucket = new CheckpointBucket(connection, settings);
  const leases = new Leases(bucket, settings.now);
  const fence = new PositionFence(bucket);
  return {
    exactlyOnce: false,
    acquire: (projection, holder, ttlMs) => leases.acquire(projection, holder, ttlMs),
    renew: (lease, ttlMs) => leases.renew(lease, ttlMs),
    release: (lease) => leases.release(lease),
    async position(projection) {
      return (await fence.read(projectionKeys(projection))).record.position;
    },
    async commit(lease, range, apply) {
      const keys = projectionKeys(lease.projection);
      await leases.check(lease);
      const read = await fence.readUnder(keys, lease);
      if (read.record.position !== range.from) {
        throw checkpointConflict(lease.projection, range.from, read.record.position);
      }
      await apply(undefined);
      // The lease may have been lost while apply ran; the position's revision check catches a
      // takeover after this check.
      await leases.check(lease);
      await fence.move(keys, lease, range, read);
    },
    async park(lease, range, parked) {
      const keys = projectionKeys(lease.projection);
      await leases.check(lease);
      const read = await fence.readUnder(keys, lease);
      const key = keys.parked(parked.position);
      const revision = await bucket.put(key, encodeParked(parked));
      try {
        await fence.move(keys, lease, range, read);
      } catch (error) {
        // Not parked after all: the worker that holds the lease now meets the event again.
        await bucket.delete(key, revision).catch(() => undefined);
        throw error;
      }
    },
    async parked(projection) {
      const keys = projectionKeys(projection);
      const found = await Promise.all(
        (await bucket.keys(keys.parkedFilter)).map(async (key) => {
          const stored = await bucket.read(key);
          return stored.value === undefined
            ? undefined
            : decodeParked(stored.value, projection, bucket.name, key);
        }),
      );
      return found.filter((entry) => entry !== undefined).sort((a, b) => a.position - b.position);
    },
    async unpark(lease, position, apply) {
      const keys = projectionKeys(lease.projection);
      await leases.check(lease);
      const read = await fence.readUnder(keys, lease);
      const key = keys.parked(position);
      const stored = await bucket.read(key);
      if (stored.value === undefined) return false;
      await apply(undefined);
      await leases.check(lease);
      await fence.confirm(keys, lease, read);
      await bucket.delete(key, stored.revision);
      return true;
    },
  };
}
