import { createServer } from 'node:net';
import { runProjection } from '@aether/projections';
import { InMemoryEventStore } from '@aether/store-memory';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isPostgresCheckpointError } from './errors/postgres-checkpoint-error.js';
import { postgresCheckpoints } from './postgres-checkpoints.js';

describe('an unreachable database', () => {
  // A loopback port nothing listens on: taken from the system, then closed again.
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  it('fails the runner at start with one line naming the address', async () => {
    const port = await closedPort();
    const nowhere = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${port}/test` });
    try {
      const runner = runProjection(
        new InMemoryEventStore(),
        { name: 'orders', apply: async () => undefined },
        { checkpoints: postgresCheckpoints(nowhere) },
      );
      const error = await runner.whenCaughtUp({ timeoutMs: 10_000 }).catch((caught: unknown) => caught);
      expect(isPostgresCheckpointError(error, 'DATABASE_UNREACHABLE')).toBe(true);
      expect((error as Error).message).toBe(
        `cannot reach PostgreSQL at 127.0.0.1:${port}/test while creating the checkpoint tables (ECONNREFUSED): ` +
          "start the server, or check the pool's connection settings (host, port, DATABASE_URL)",
      );
      expect(runner.status()).toMatchObject({ state: 'failed', error: (error as Error).message });
      await runner.stop();
    } finally {
      await nowhere.end();
    }
  });
});
