import { type NatsUser, renderAuthorization } from './authorization.js';

/** The loopback address every harness server listens on; nothing is ever exposed beyond it. */
export const LOOPBACK = '127.0.0.1';

/** The cluster part of one node's config: its route listener and the route ports of its peers. */
export interface ClusterNodeConfig {
  /** The cluster's name; every node of one cluster uses the same. */
  name: string;
  /** The port this node accepts routes on. */
  port: number;
  /** Route ports of the other nodes (on loopback); listing this node's own port is harmless. */
  routes: readonly number[];
}

/** Bytes the server may hold for one client that has not read them yet (the default is 64 MB). */
const MAX_PENDING_BYTES = 512 * 1024 * 1024;
/** How long a write to one client may block before the server drops it (the default is 10 s). */
const WRITE_DEADLINE = '120s';

/** Everything one `nats-server` config file says. */
export interface NatsNodeConfig {
  /** Unique per node; JetStream clusters require it. */
  serverName: string;
  /** Client port; -1 lets the server choose a free one (read back from its log). */
  port: number;
  jetstream: boolean;
  /** JetStream store directory. */
  storeDir: string;
  /** HTTP monitoring port (`/healthz`, `/jsz`); -1 for a free one; undefined for none. */
  monitorPort?: number | undefined;
  cluster?: ClusterNodeConfig | undefined;
  /** Users and their permissions (an `authorization` block); undefined for a server without auth. */
  users?: readonly NatsUser[] | undefined;
  /** Raw config text appended as is (auth, TLS, limits) for tests that need it. */
  extra?: string | undefined;
}

/** Renders one node's config file. Strings are JSON-quoted, which the server's parser accepts. */
export function renderNatsConfig(config: NatsNodeConfig): string {
  const lines = [
    `server_name: ${quote(config.serverName)}`,
    `host: ${quote(LOOPBACK)}`,
    `port: ${config.port}`,
    // A test process starved of CPU on a busy machine can fall seconds behind what it subscribed
    // to; with the defaults (64 MB pending, 10 s write deadline) the server then cuts it off as a
    // slow consumer, which no test is about (seen: the 100,000-event slow-subscriber test of the
    // NATS bus, with two whole test runs side by side). These limits keep such a client connected.
    `max_pending: ${MAX_PENDING_BYTES}`,
    `write_deadline: ${quote(WRITE_DEADLINE)}`,
  ];
  if (config.monitorPort !== undefined) {
    lines.push(`http: ${quote(`${LOOPBACK}:${config.monitorPort}`)}`);
  }
  if (config.jetstream) {
    lines.push('jetstream {', `  store_dir: ${quote(config.storeDir)}`, '}');
  }
  if (config.cluster !== undefined) {
    const routes = config.cluster.routes.map((port) => quote(`nats-route://${LOOPBACK}:${port}`));
    lines.push(
      'cluster {',
      `  name: ${quote(config.cluster.name)}`,
      `  listen: ${quote(`${LOOPBACK}:${config.cluster.port}`)}`,
      `  routes: [${routes.join(', ')}]`,
      '}',
    );
  }
  if (config.users !== undefined) lines.push(renderAuthorization(config.users));
  if (config.extra !== undefined) lines.push(config.extra);
  return `${lines.join('\n')}\n`;
}

function quote(value: string): string {
  return JSON.stringify(value);
}
