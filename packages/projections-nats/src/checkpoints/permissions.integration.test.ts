import { isRetryable } from '@aether/core';
import { type Permission, startNatsServer, userWith } from '@aether/nats-harness';
import { connect } from '@nats-io/transport-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { isKvCheckpointError } from '../errors/kv-checkpoint-error.js';
import { cleanup } from '../test-support/nats.js';
import { kvCheckpoints } from './kv-checkpoints.js';

const bucket = 'checkpoints';
const password = 'secret';

// What the README's "The bucket" section says a user needs.
const needed: Permission[] = [
  { permission: 'publish', subject: '$JS.API.>', why: 'the JetStream API: the bucket, reads, key listing' },
  { permission: 'publish', subject: `$KV.${bucket}.>`, why: 'writes to the bucket' },
  { permission: 'subscribe', subject: '_INBOX.>', why: 'replies' },
];

let servers: string;
beforeAll(async () => {
  const server = await startNatsServer({
    users: [
      userWith('app', password, needed),
      userWith(
        'reader',
        password,
        needed.filter(({ subject }) => !subject.startsWith('$KV.')),
      ),
    ],
  });
  cleanup(() => server.destroy());
  servers = server.url;
});

async function checkpointsOf(user: string) {
  const nc = await connect({ servers, user, pass: password });
  cleanup(() => nc.close());
  return kvCheckpoints(nc, { bucket, timeoutMs: 5_000 });
}

describe('kvCheckpoints under NATS permissions', () => {
  it('works with exactly the permissions the README lists', async () => {
    const checkpoints = await checkpointsOf('app');
    const lease = await checkpoints.acquire('orders', 'worker', 60_000);
    if (lease === undefined) throw new Error('no lease');
    await checkpoints.commit(lease, { from: 0, to: 4 }, async () => undefined);
    await checkpoints.park(
      lease,
      { from: 4, to: 5 },
      {
        projection: 'orders',
        position: 5,
        events: [],
        error: 'boom',
        attempts: 3,
        parkedAt: new Date(),
      },
    );
    expect((await checkpoints.parked('orders')).map(({ position }) => position)).toEqual([5]);
    expect(await checkpoints.unpark(lease, 5, async () => undefined)).toBe(true);
    expect(await checkpoints.position('orders')).toBe(5);
    await checkpoints.release(lease);
  });

  it('says which subject a user may not publish to, in one line, not retryable', async () => {
    const checkpoints = await checkpointsOf('reader');
    const error = await checkpoints.acquire('orders', 'worker', 60_000).catch((err: unknown) => err);
    expect(isKvCheckpointError(error, 'PERMISSION_DENIED')).toBe(true);
    expect(isRetryable(error)).toBe(false);
    expect((error as Error).message).toContain(`"$KV.${bucket}.lease.orders"`);
    expect((error as Error).message).not.toContain('\n');
  });
});
