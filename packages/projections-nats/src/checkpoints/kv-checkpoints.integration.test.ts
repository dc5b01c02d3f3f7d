import { isProjectionError } from '@aether/projections';
import { jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { isKvCheckpointError } from '../errors/kv-checkpoint-error.js';
import { testBucket, testCheckpoints, testConnection } from '../test-support/nats.js';
import { kvCheckpoints } from './kv-checkpoints.js';

let nc: NatsConnection;
beforeAll(async () => {
  nc = await testConnection();
});

const noop = async () => undefined;

describe('kvCheckpoints on a real NATS KV bucket', () => {
  it('creates its bucket on first use with the replicas and history asked for', async () => {
    const bucket = testBucket(nc, 'created');
    const checkpoints = kvCheckpoints(nc, { bucket, history: 5, storage: 'memory' });
    expect(await checkpoints.position('orders')).toBe(0);
    const info = await (await jetstreamManager(nc)).streams.info(`KV_${bucket}`);
    expect(info.config).toMatchObject({ max_msgs_per_subject: 5, num_replicas: 1, storage: 'memory' });
  });

  it('refuses a bucket that exists with another history, naming both settings', async () => {
    const bucket = testBucket(nc, 'conflict');
    await new Kvm(nc).create(bucket, { history: 3 });
    const error = await kvCheckpoints(nc, { bucket })
      .position('orders')
      .catch((err: unknown) => err);
    expect(isKvCheckpointError(error, 'BUCKET_CONFIG_CONFLICT')).toBe(true);
    expect((error as Error).message).toContain('history 3, not 1 and 1');
  });

  it('keeps position, lease and parked events under keys of the projection, a name with dots included', async () => {
    const bucket = testBucket(nc, 'layout');
    const checkpoints = kvCheckpoints(nc, { bucket });
    const lease = await checkpoints.acquire('orders.v2', 'worker-a', 60_000);
    if (lease === undefined) throw new Error('no lease');
    await checkpoints.commit(lease, { from: 0, to: 7 }, noop);
    const kv = await new Kvm(nc).open(bucket);
    const keys: string[] = [];
    for await (const key of await kv.keys()) keys.push(key);
    expect(keys.sort()).toEqual(['lease.orders=v2', 'position.orders=v2']);
    // A projection whose name is a prefix of another's sees none of the other's parked events.
    const other = await checkpoints.acquire('orders', 'worker-a', 60_000);
    if (other === undefined) throw new Error('no lease');
    expect(await checkpoints.parked('orders')).toEqual([]);
    expect(await checkpoints.position('orders')).toBe(0);
  });

  it('gives the lease to exactly one of many workers taking it at the same moment, each with its own store', async () => {
    const bucket = testBucket(nc, 'race');
    const workers = Array.from({ length: 8 }, (_, index) => ({
      holder: `worker-${index}`,
      checkpoints: kvCheckpoints(nc, { bucket }),
    }));
    await workers[0]?.checkpoints.position('orders'); // the bucket exists before the race
    const leases = await Promise.all(
      workers.map(({ holder, checkpoints }) => checkpoints.acquire('orders', holder, 60_000)),
    );
    expect(leases.filter((lease) => lease !== undefined)).toHaveLength(1);
  });

  it('refuses the commit of a worker whose lease was taken over while its apply ran', async () => {
    let clock = 1_000_000;
    const checkpoints = testCheckpoints(nc, 'mid-commit', { now: () => clock });
    const old = await checkpoints.acquire('orders', 'old', 1_000);
    if (old === undefined) throw new Error('no lease');
    await checkpoints.commit(old, { from: 0, to: 5 }, noop);
    let takenOver = false;
    const error = await checkpoints
      .commit(old, { from: 5, to: 9 }, async () => {
        // While the old worker applies, its lease runs out and another worker takes over.
        clock += 2_000;
        takenOver = (await checkpoints.acquire('orders', 'new', 1_000)) !== undefined;
        clock -= 2_000; // the old worker's clock still says its lease is valid
      })
      .catch((err: unknown) => err);
    expect(takenOver).toBe(true);
    expect(isProjectionError(error, 'LEASE_LOST')).toBe(true);
    expect(await checkpoints.position('orders')).toBe(5);
  });
});
