import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { ActorCaches } from './caches/actor-caches.js';
import { connectionEvents } from './connection/connection-events.js';
import { inboxOf } from './connection/inbox.js';
import { outageAware } from './connection/outage-aware.js';
import { JetStreamStoreError } from './errors/store-error.js';
import { toStoreError } from './errors/to-store-error.js';
import type { ResolvedConfig, ResolvedOptions } from './options/resolve-options.js';
import { SnapshotBucket } from './snapshot/snapshot-bucket.js';
import type { Snapshotting } from './snapshot/snapshot-ops.js';
import { ensureStream } from './stream/ensure-stream.js';
import { StoreStream } from './stream/store-stream.js';
import { AckPublisher } from './write/ack-publisher.js';
import type { Writing } from './write/append-event.js';

/**
 * The parts of an open store: its stream on the server (`StoreStream`), what it remembers of
 * actors (`ActorCaches`), the publisher of its saves and its snapshot bucket. Each operation takes
 * the parts it uses (`Reading`, `Writing`, `Snapshotting`).
 */
export interface OpenStore extends Writing, Snapshotting {
  /** The server's max_payload: the largest message (headers included) it accepts. */
  readonly maxPayload: number;
}

/**
 * Runs the startup checks and returns the store's parts: the server speaks JetStream
 * (2.9.4 or newer), runs in a cluster when the stream is to have replicas, and the stream exists
 * with the config the store needs (its replica count included). The replica count decides how
 * saves are checked: on one replica the server's expectation check is exact; with replicas the
 * store checks each save itself (see `belongsAfter`), whatever the server's version.
 */
export async function openStore(nc: NatsConnection, options: ResolvedOptions): Promise<OpenStore> {
  const { config, timeoutMs } = options;
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
  const maxPayload = nc.info?.max_payload ?? 1024 * 1024;
  return {
    stream: new StoreStream(nc, jsm, { config, timeoutMs, maxPayload }),
    caches: new ActorCaches(options.cacheSizes),
    publisher: new AckPublisher(nc, timeoutMs),
    subjectPrefix: config.subjectPrefix,
    snapshots: new SnapshotBucket(jsm, {
      config,
      maxPayload,
      events: connectionEvents(nc),
      indexLimit: options.cacheSizes.snapshotIndexSize,
      inbox: () => inboxOf(nc),
    }),
    maxPayload,
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
