import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { LruCache } from './cache/lru-cache.js';
import type { ResolvedConfig } from './config/resolve-config.js';
import { outageAware } from './connection/outage-aware.js';
import type { StoreContext } from './context.js';
import { JetStreamStoreError } from './errors/store-error.js';
import { toStoreError } from './errors/to-store-error.js';
import { ensureStream } from './stream/ensure-stream.js';
import { AckPublisher } from './write/ack-publisher.js';

export interface CacheSizes {
  /** Actors whose latest (version, sequence) the write path remembers. */
  headCacheSize: number;
  /** Total messages of recently read actors the read path keeps. */
  historyCacheSize: number;
}

/**
 * Runs the startup checks and returns what the store's parts share: the server speaks JetStream
 * (2.9.4 or newer), runs in a cluster when the stream is to have replicas, and the stream exists
 * with the config the store needs (its replica count included). The replica count decides how
 * saves are checked: on one replica the server's expectation check is exact; with replicas the
 * store checks each save itself (see `belongsAfter`), whatever the server's version.
 */
export async function openContext(
  nc: NatsConnection,
  config: ResolvedConfig,
  timeoutMs: number,
  caches: CacheSizes,
): Promise<StoreContext> {
  const stream = config.stream;
  if (nc.isClosed()) {
    throw new JetStreamStoreError(
      'CONNECTION_CLOSED',
      'cannot open the store: the NATS connection is closed',
    );
  }
  checkServer(nc, config);
  let jsm: Awaited<ReturnType<typeof jetstreamManager>>;
  try {
    // Its requests fail at once when the connection drops, and wait for it when it is down.
    jsm = await jetstreamManager(outageAware(nc), { timeout: timeoutMs });
  } catch (err) {
    throw toStoreError(err, { operation: 'open', stream });
  }
  await ensureStream(jsm, config);
  return {
    nc,
    js: jsm.jetstream(),
    jsm,
    config,
    maxPayload: nc.info?.max_payload ?? 1024 * 1024,
    timeoutMs,
    publisher: new AckPublisher(nc, timeoutMs),
    heads: new LruCache(caches.headCacheSize),
    histories: new LruCache(caches.historyCacheSize, (history) => history.count + 1),
    snapshotHints: new LruCache(caches.headCacheSize),
    background: new Set(),
  };
}

function checkServer(nc: NatsConnection, config: ResolvedConfig): void {
  const info = nc.info;
  if (info === undefined) return;
  if (info.jetstream === false) {
    throw new JetStreamStoreError(
      'JETSTREAM_NOT_ENABLED',
      `the NATS server at ${nc.getServer()} does not have JetStream enabled: start it with \`nats-server -js\``,
    );
  }
  const [major = 0, minor = 0, patch = 0] = info.version.split(/[.-]/).map(Number);
  if (major * 1e6 + minor * 1e3 + patch < 2_009_004) {
    throw new JetStreamStoreError(
      'UNSUPPORTED_SERVER',
      `nats-server ${info.version} is too old: the JetStream store needs 2.9.4 or newer (direct gets, the consumer API)`,
    );
  }
  if (config.replicas > 1 && (info.cluster === undefined || info.cluster === '')) {
    throw new JetStreamStoreError(
      'UNSUPPORTED_SERVER',
      `replicas: ${config.replicas} needs a JetStream cluster of at least ${config.replicas} servers, but the server at ` +
        `${nc.getServer()} runs alone; use replicas: 1 on a single server`,
    );
  }
}
