import { describeCheckpointStore } from '@aether/conformance';
import type { NatsConnection } from '@nats-io/nats-core';
import { beforeAll } from 'vitest';
import { dropBucket, testConnection, uniqueTestName } from '../test-support/nats.js';
import { kvCheckpoints } from './kv-checkpoints.js';

let nc: NatsConnection;
beforeAll(async () => {
  nc = await testConnection();
});

// The checkpoint-store contract, against a real NATS: each test gets a bucket of its own, deleted
// after it.
describeCheckpointStore(
  'kvCheckpoints',
  () => {
    const bucket = uniqueTestName('contract');
    return Object.assign(kvCheckpoints(nc, { bucket }), { bucket });
  },
  { teardown: (store) => dropBucket(nc, store.bucket), timeout: 30_000 },
);
