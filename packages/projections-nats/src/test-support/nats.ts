import { cleanup, testConnection, uniqueTestName } from '@aether/nats-harness/test-connection';
import type { CheckpointStore } from '@aether/projections';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { KvCheckpointsOptions } from '../bucket/options.js';
import { kvCheckpoints } from '../checkpoints/kv-checkpoints.js';

export { cleanup, testConnection, uniqueTestName };

/** Deletes a checkpoint bucket (its stream, `KV_<bucket>`). */
export async function dropBucket(nc: NatsConnection, bucket: string): Promise<void> {
  if (nc.isClosed()) return;
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(`KV_${bucket}`).catch(() => undefined);
}

/** A bucket name no other test uses; the bucket is deleted after the file's tests. */
export function testBucket(nc: NatsConnection, label: string): string {
  const bucket = uniqueTestName(label);
  cleanup(() => dropBucket(nc, bucket));
  return bucket;
}

/** Checkpoints in a bucket of their own, deleted after the file's tests. */
export function testCheckpoints(
  nc: NatsConnection,
  label: string,
  options: KvCheckpointsOptions = {},
): CheckpointStore<undefined> {
  return kvCheckpoints(nc, { ...options, bucket: testBucket(nc, label) });
}
