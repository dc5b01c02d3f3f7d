import { NatsServerNotFoundError, startNatsServer } from '@aether/nats-harness';
import { SkipGroup } from './model.js';

/** Set by the bench process for its measuring processes: the server they all use. */
const sharedUrlVariable = 'AETHER_BENCH_NATS_URL';

/** The NATS server a group measures against, and how to let go of it. */
export interface BenchNats {
  readonly url: string;
  /**
   * `started`: the bench started it (release stops it and removes its store); `given`: `NATS_URL`;
   * `inherited`: this is a measuring process using the bench process's server.
   */
  readonly origin: 'started' | 'given' | 'inherited';
  release(): Promise<void>;
}

/**
 * The server a NATS group uses. In a measuring process: the one the bench process chose (passed
 * down in the environment). In the bench process: `NATS_URL` when set, otherwise a fresh
 * `nats-server -js` on a free loopback port with a temporary store, started with the harness and
 * stopped by process id on release. No server binary and no `NATS_URL`: the group is skipped.
 */
export async function openBenchNats(): Promise<BenchNats> {
  const shared = process.env[sharedUrlVariable];
  if (shared !== undefined && shared !== '')
    return { url: shared, origin: 'inherited', release: async () => {} };
  const given = process.env.NATS_URL;
  if (given !== undefined && given !== '') return share(given, 'given', async () => {});
  let server: Awaited<ReturnType<typeof startNatsServer>>;
  try {
    server = await startNatsServer({ jetstream: true });
  } catch (error) {
    if (error instanceof NatsServerNotFoundError) throw new SkipGroup(error.message);
    throw error;
  }
  return share(server.url, 'started', () => server.destroy());
}

// Measuring processes are forked with this process's environment, so they find the same server.
function share(url: string, origin: BenchNats['origin'], stop: () => Promise<void>): BenchNats {
  process.env[sharedUrlVariable] = url;
  return {
    url,
    origin,
    async release() {
      delete process.env[sharedUrlVariable];
      await stop();
    },
  };
}
