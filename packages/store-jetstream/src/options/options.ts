import type { NodeConnectionOptions } from '@nats-io/transport-node';

/** How the store lays out and keeps its data: the Go original's `JetStreamConfig`. */
export interface JetStreamConfig {
  /**
   * The store name (what the Go API calls `streamName`): letters, digits, `-` and `_`. It is not
   * always the JetStream stream's name: combined with the namespace it names the stream
   * (`store.stream`: `<storeName>` or `<storeName>__<namespace>`), the subjects and the snapshot
   * bucket. Default `"aether"`.
   */
  storeName: string;
  /** Separates the data of several applications or tenants; each namespace gets its own stream. */
  namespace: string | undefined;
  /**
   * How long JetStream keeps events, in milliseconds. **Default: one year (365 days)**, as in the
   * Go original: events older than that are deleted by the server. Pass `'forever'` (or 0) to keep
   * every event for ever.
   */
  maxAge: number | 'forever';
  /** Copies of each event in a cluster: 1 on a single server, 3 for a production cluster. */
  replicas: number;
  /** Where the server keeps the stream. Default `'file'`; `'memory'` loses everything on restart. */
  storage: 'file' | 'memory';
  /**
   * How long JetStream remembers event ids to drop a retried save (`Nats-Msg-Id`), in
   * milliseconds. Default 2 minutes, never more than `maxAge`.
   */
  duplicateWindow: number;
}

const oneYearMs = 365 * 24 * 60 * 60 * 1000;

/** The defaults, frozen. Retention is one year: use `maxAge: 'forever'` to keep events for ever. */
export const DEFAULT_JETSTREAM_CONFIG: Readonly<JetStreamConfig> = Object.freeze({
  storeName: 'aether',
  namespace: undefined,
  maxAge: oneYearMs,
  replicas: 1,
  storage: 'file',
  duplicateWindow: 2 * 60 * 1000,
});

/** A fresh copy of the defaults (the Go API's `DefaultJetStreamConfig()`), to change and pass on. */
export function defaultJetStreamConfig(): JetStreamConfig {
  return { ...DEFAULT_JETSTREAM_CONFIG };
}

/** Options of a store on a connection: the layout (`JetStreamConfig`) plus timeouts and caches. */
export interface JetStreamEventStoreOptions extends Partial<JetStreamConfig> {
  /** Milliseconds to wait for any JetStream answer (publish ack, API call, read). Default 5000. */
  timeout?: number;
  /** Actors whose latest (version, sequence) saves remember, sparing a read per save. Default 10,000. */
  headCacheSize?: number;
  /**
   * Messages of recently read actors kept in memory, in total, so that loading an unchanged actor
   * costs one direct get. Default 100,000; 0 turns the cache off.
   */
  historyCacheSize?: number;
  /**
   * Actors with a snapshot the store keeps track of, by watching the snapshot bucket's keys (one
   * consumer, started by the second snapshot lookup), so that looking up an actor without a
   * snapshot costs no request. Default 100,000; past it, or at 0, every lookup asks the server.
   */
  snapshotIndexSize?: number;
}

/** Options of `JetStreamEventStore.connect`: where the servers are and how to connect to them. */
export interface JetStreamConnectOptions extends JetStreamEventStoreOptions {
  /** `nats://host:port` URLs (or `host:port`) of one or more servers. */
  servers: string | string[];
  /**
   * Anything else nats.js accepts (user/pass, token, authenticator, TLS, reconnect policy...).
   * `noAsyncTraces` defaults to true here.
   */
  connection?: Omit<NodeConnectionOptions, 'servers'>;
}
