import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsUser } from './authorization.js';
import { freePort } from './free-port.js';
import { waitHealthy } from './health.js';
import { type NatsServer, startNatsServer } from './start-nats-server.js';
import { waitStreamLeader } from './stream-leader.js';

export interface StartNatsClusterOptions {
  /** Number of nodes; default 3 (JetStream needs a majority, so 3 survives losing one). */
  size?: number;
  /** Cluster name; default `aether`. */
  name?: string;
  binary?: string;
  /** Users and their permissions, the same on every node. */
  users?: readonly NatsUser[];
  /** Per node; default 15 s. */
  startTimeoutMs?: number;
}

/** A JetStream cluster on loopback: one config file, store directory and process per node. */
export interface NatsCluster {
  readonly nodes: readonly NatsServer[];
  /** Every node's client URL: give them all to the client so it can fail over. */
  readonly urls: string[];
  /** Waits until every running node answers `/healthz` (found the metadata leader, is current). */
  waitHealthy(timeoutMs?: number): Promise<void>;
  /** The running node that leads JetStream stream `stream`, once there is one (default wait 15 s). */
  streamLeader(stream: string, timeoutMs?: number): Promise<NatsServer>;
  /** Stops every node and removes the temporary directories. */
  destroy(): Promise<void>;
}

/**
 * Starts a JetStream cluster on loopback: node `n<i>` gets its own config file and store
 * directory, a route port known in advance (so each config lists its peers) and a monitoring port,
 * and the call resolves once every node is healthy. Kill and restart nodes through `nodes[i]`.
 */
// How long three new servers may take to find each other and elect a metadata leader: on a 2-core
// machine running two whole test runs side by side, one cluster took more than 15 s.
const formedTimeoutMs = 60_000;

export async function startNatsCluster(options: StartNatsClusterOptions = {}): Promise<NatsCluster> {
  const size = options.size ?? 3;
  const name = options.name ?? 'aether';
  const root = await mkdtemp(join(tmpdir(), 'aether-cluster-'));
  const routePorts: number[] = [];
  for (let index = 0; index < size; index++) routePorts.push(await freePort());
  const started = await Promise.allSettled(
    routePorts.map((port, index) =>
      startNatsServer({
        serverName: `n${index + 1}`,
        storeDir: join(root, `n${index + 1}`),
        monitor: true,
        cluster: { name, port, routes: routePorts.filter((other) => other !== port) },
        binary: options.binary,
        users: options.users,
        startTimeoutMs: options.startTimeoutMs,
      }),
    ),
  );
  const nodes = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const cluster: NatsCluster = {
    nodes,
    urls: nodes.map((node) => node.url),
    async waitHealthy(timeoutMs = 15_000) {
      await Promise.all(
        nodes
          .filter((node) => node.running)
          .map((node) => waitHealthy(node.monitorPort as number, timeoutMs)),
      );
    },
    async streamLeader(stream, timeoutMs = 15_000) {
      const name = await waitStreamLeader(nodes, stream, timeoutMs);
      return nodes.find((node) => node.serverName === name) as NatsServer;
    },
    async destroy() {
      await Promise.all(nodes.map((node) => node.destroy()));
      await rm(root, { recursive: true, force: true });
    },
  };
  const failure = started.find((result) => result.status === 'rejected');
  try {
    if (failure !== undefined) throw failure.reason;
    await cluster.waitHealthy(formedTimeoutMs);
  } catch (err) {
    await cluster.destroy();
    throw err;
  }
  return cluster;
}
