import { startNatsServer } from '@aether/nats-harness';
import { runProjection } from '@aether/projections';
import { InMemoryEventStore } from '@aether/store-memory';
import { describe, expect, it } from 'vitest';
import { isKvCheckpointError } from '../errors/kv-checkpoint-error.js';
import { cleanup, testConnection } from '../test-support/nats.js';
import { kvCheckpoints } from './kv-checkpoints.js';

// Each failure is one line that says what is wrong and whether retrying helps.
describe('kvCheckpoints when NATS cannot serve it', () => {
  it('times out with TIMEOUT (retryable) against a server that answers nothing, and the runner fails at start with it', async () => {
    const server = await startNatsServer();
    cleanup(() => server.destroy());
    const nc = await testConnection(server.url);
    await server.pause();
    cleanup(() => server.resume());
    const checkpoints = kvCheckpoints(nc, { bucket: 'hung', timeoutMs: 500 });
    const runner = runProjection(
      new InMemoryEventStore(),
      { name: 'orders', apply: async () => {} },
      { checkpoints },
    );
    const error = await runner.whenCaughtUp({ timeoutMs: 20_000 }).catch((err: unknown) => err);
    expect(isKvCheckpointError(error, 'TIMEOUT')).toBe(true);
    expect((error as { retryable: boolean }).retryable).toBe(true);
    expect((error as Error).message).toMatch(
      /^projection checkpoints in NATS KV bucket "hung": opening the bucket got no answer in time: is the NATS server running and reachable\? Retrying is safe$/,
    );
    expect(runner.status().state).toBe('failed');
  });

  it('says JetStream is off, and how to turn it on, against a server without it', async () => {
    const server = await startNatsServer({ jetstream: false });
    cleanup(() => server.destroy());
    const nc = await testConnection(server.url);
    const error = await kvCheckpoints(nc, { bucket: 'no-js' })
      .acquire('orders', 'worker', 1_000)
      .catch((err: unknown) => err);
    expect(isKvCheckpointError(error, 'JETSTREAM_NOT_ENABLED')).toBe(true);
    expect((error as Error).message).toContain('start nats-server with JetStream (`nats-server -js`)');
    expect((error as Error).message).not.toContain('\n');
  });

  it('says the connection is closed, not retryable', async () => {
    const nc = await testConnection();
    await nc.close();
    const error = await kvCheckpoints(nc)
      .position('orders')
      .catch((err: unknown) => err);
    expect(isKvCheckpointError(error, 'CONNECTION_CLOSED')).toBe(true);
    expect((error as { retryable: boolean }).retryable).toBe(false);
  });
});
