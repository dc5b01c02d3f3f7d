import { NatsServerNotFoundError, startNatsCluster, startNatsServer } from '@aether/nats-harness';
import { SkipGroup } from '../model.js';

/** Set by the bench process for its measuring processes: the server or cluster they all use. */
const serverVariable = 'AETHER_BENCH_NATS_URL';
const clusterVariable = 'AETHER_BENCH_NATS_CLUSTER_URLS';

/** The NATS server (or cluster) a group measures against, and how to let go of it. */
export interface BenchNats {
  /** The first node's client URL: the server's, for a single server. */
  readonly url: string;
  /** Every node's client URL, in node order. */
  readonly urls: readonly string[];
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
  const shared = inherited(serverVariable);
  if (shared !== undefined) return shared;
  const given = process.env.NATS_URL;
  if (given !== undefined && given !== '') return share(serverVariable, [given], 'given', async () => {});
  const server = await orSkip(() => startNatsServer({ jetstream: true }));
  return share(serverVariable, [server.url], 'started', () => server.destroy());
}

/**
 * A 3-node JetStream cluster the bench starts on loopback with the harness (each node on free
 * ports, with a temporary store), inherited by measuring processes like `openBenchNats`; release
 * stops every node by process id. It never uses `NATS_URL`: replicas need a cluster the bench
 * knows the nodes of. No server binary: the group is skipped.
 */
export async function openBenchCluster(): Promise<BenchNats> {
  const shared = inherited(clusterVariable);
  if (shared !== undefined) return shared;
  const cluster = await orSkip(() => startNatsCluster({ size: 3 }));
  return share(clusterVariable, cluster.urls, 'started', () => cluster.destroy());
}

async function orSkip<T>(start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof NatsServerNotFoundError) throw new SkipGroup(error.message);
    throw error;
  }
}

function inherited(variable: string): BenchNats | undefined {
  const urls = (process.env[variable] ?? '').split(',').filter((url) => url !== '');
  return urls.length === 0 ? undefined : bench(urls, 'inherited', async () => {});
}

// Measuring processes are forked with this process's environment, so they find the same server.
function share(
  variable: string,
  urls: readonly string[],
  origin: BenchNats['origin'],
  stop: () => Promise<void>,
): BenchNats {
  process.env[variable] = urls.join(',');
  return bench(urls, origin, async () => {
    delete process.env[variable];
    await stop();
  });
}

function bench(
  urls: readonly string[],
  origin: BenchNats['origin'],
  release: () => Promise<void>,
): BenchNats {
  return { url: urls[0] as string, urls, origin, release };
}
