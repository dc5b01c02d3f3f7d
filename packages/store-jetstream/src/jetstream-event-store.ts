import {
  type ActorSnapshot,
  type AnyEvent,
  type Event,
  type EventStoreWithErrors,
  type EventsWithErrors,
  type SnapshotStore,
  ValidationError,
  validateEvent,
} from '@aether/core';
import { checkFromVersion, encodeEvent } from '@aether/core/adapter';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect, type NodeConnectionOptions } from '@nats-io/transport-node';
import type { JetStreamConfig } from './config/config.js';
import { actorToken } from './config/naming.js';
import { type ResolvedConfig, resolveConfig } from './config/resolve-config.js';
import { type StoreContext, subjectOf } from './context.js';
import { findJetStreamStoreError, JetStreamStoreError } from './errors/store-error.js';
import { type ErrorContext, toStoreError } from './errors/to-store-error.js';
import { openContext } from './open-context.js';
import { selectFrom } from './read/actor-history.js';
import { loadHistory } from './read/load-history.js';
import { readHead } from './read/read-head.js';
import { SnapshotBucket } from './snapshot/snapshot-bucket.js';
import { getLatestSnapshot, saveSnapshot } from './snapshot/snapshot-ops.js';
import { appendEvent } from './write/append-event.js';
import { checkEventSize } from './write/event-size.js';
import { KeyedQueue } from './write/keyed-queue.js';

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

/**
 * The durable, distributed event store on NATS JetStream. Every append carries the actor's last
 * stream sequence as an expectation the server enforces, so any number of processes can write the
 * same actors without losing, duplicating or overwriting an event.
 *
 * Open it with `await JetStreamEventStore.connect({ servers })` (the store owns and closes the
 * connection), or with `new JetStreamEventStore(nc, options)` on a connection you own and close;
 * the first call (or `await store.open()`) runs the startup checks.
 */
export class JetStreamEventStore implements EventStoreWithErrors, SnapshotStore {
  /** The layout after defaults: stream, subject prefix, snapshot bucket, retention. */
  readonly config: ResolvedConfig;
  readonly #nc: NatsConnection;
  readonly #ownsConnection: boolean;
  readonly #timeoutMs: number;
  readonly #cacheSizes: { headCacheSize: number; historyCacheSize: number };
  readonly #queue = new KeyedQueue();
  readonly #saving = new Set<Promise<void>>();
  #opening: Promise<StoreContext> | undefined;
  #snapshots: SnapshotBucket | undefined;
  #closed: Promise<void> | undefined;

  /** A store on a connection the caller owns (and closes). Nothing is sent until `open()` or a first call. */
  constructor(nc: NatsConnection, options: JetStreamEventStoreOptions = {}) {
    this.#nc = nc;
    this.#ownsConnection = ownedConnections.has(nc);
    this.config = resolveConfig(options);
    this.#timeoutMs = positiveInteger(options.timeout ?? 5000, 'timeout');
    this.#cacheSizes = {
      headCacheSize: positiveInteger(options.headCacheSize ?? 10_000, 'headCacheSize', 0),
      historyCacheSize: positiveInteger(options.historyCacheSize ?? 100_000, 'historyCacheSize', 0),
    };
  }

  /** Opens a store on a caller's connection and runs the startup checks (the Go API's `NewJetStreamEventStore`). */
  static async open(
    nc: NatsConnection,
    options: JetStreamEventStoreOptions = {},
  ): Promise<JetStreamEventStore> {
    return new JetStreamEventStore(nc, options).open();
  }

  /** Connects to `servers` and opens a store that owns the connection: `close()` closes it. */
  static async connect(options: JetStreamConnectOptions): Promise<JetStreamEventStore> {
    const { servers, connection, ...storeOptions } = options;
    resolveConfig(storeOptions); // bad options fail before any connection is made
    // Without async traces: nats.js would capture two stacks per request, a large part of what a
    // request costs in the client. The caller's options may still turn them back on.
    const nc = await connect({ noAsyncTraces: true, ...connection, servers });
    ownedConnections.add(nc);
    try {
      return await new JetStreamEventStore(nc, storeOptions).open();
    } catch (err) {
      await nc.close();
      throw err;
    }
  }

  /** The stream this store writes to. */
  get stream(): string {
    return this.config.stream;
  }

  /** The subject an actor's events are stored on: `<subjectPrefix>.<encoded actor id>`. */
  subjectFor(actorId: string): string {
    return `${this.config.subjectPrefix}.${actorToken(actorId)}`;
  }

  /**
   * Runs the startup checks once (JetStream present, stream created or its config matching) and
   * returns the store. Calls made before it wait for it; a failed open is tried again by the next call.
   */
  async open(): Promise<this> {
    await this.#context();
    return this;
  }

  async saveEvent(input: AnyEvent): Promise<void> {
    this.#assertOpen();
    // Tracked from the start: a save still waiting for the store to open is in flight too.
    const saving = this.#save(input);
    this.#saving.add(saving);
    try {
      return await saving;
    } finally {
      this.#saving.delete(saving);
    }
  }

  async #save(input: AnyEvent): Promise<void> {
    // Core's rules first (ids that travel as a header, MAX_EVENT_BYTES), then the server's max_payload.
    const event = validateEvent(input);
    const subjectToken = actorToken(event.actorId);
    const context = await this.#context();
    const payload = encodeEvent(event);
    checkEventSize(event, payload, context.maxPayload);
    const subject = subjectOf(context, subjectToken);
    const errorContext: ErrorContext = {
      operation: 'save',
      stream: this.config.stream,
      actorId: event.actorId,
      eventId: event.id,
      version: event.version,
      duplicateWindowMs: this.config.duplicateWindowMs,
    };
    return this.#queue
      .run(event.actorId, () => appendEvent(context, { event, subject, payload }))
      .catch((err) => {
        throw this.#mapError(err, errorContext);
      });
  }

  async getEvents(actorId: string, fromVersion?: number): Promise<Event[]> {
    return (await this.getEventsWithErrors(actorId, fromVersion)).events;
  }

  async getEventsWithErrors(actorId: string, fromVersion?: number): Promise<EventsWithErrors> {
    this.#assertOpen();
    const from = checkFromVersion(fromVersion);
    const token = actorToken(actorId);
    const context = await this.#context();
    try {
      const history = await loadHistory(context, actorId, subjectOf(context, token), from);
      return selectFrom(history, from);
    } catch (err) {
      throw this.#mapError(err, { operation: 'read', stream: this.config.stream, actorId });
    }
  }

  async getLatestVersion(actorId: string): Promise<number> {
    this.#assertOpen();
    const token = actorToken(actorId);
    const context = await this.#context();
    try {
      return (await readHead(context, actorId, subjectOf(context, token))).version;
    } catch (err) {
      throw this.#mapError(err, { operation: 'read', stream: this.config.stream, actorId });
    }
  }

  async getLatestSnapshot(actorId: string): Promise<ActorSnapshot | undefined> {
    this.#assertOpen();
    actorToken(actorId);
    const context = await this.#context();
    try {
      return await getLatestSnapshot(context, this.#snapshotBucket(context), actorId);
    } catch (err) {
      throw this.#mapError(err, { operation: 'snapshot', stream: this.config.stream, actorId });
    }
  }

  async saveSnapshot(snapshot: ActorSnapshot): Promise<void> {
    this.#assertOpen();
    const context = await this.#context();
    try {
      await saveSnapshot(context, this.#snapshotBucket(context), snapshot);
    } catch (err) {
      const actorId = typeof snapshot?.actorId === 'string' ? snapshot.actorId : '';
      throw this.#mapError(err, { operation: 'snapshot', stream: this.config.stream, actorId });
    }
  }

  /**
   * Waits for saves in flight, then closes the connection when the store owns it. Later calls
   * fail with `STORE_CLOSED`. Calling it again returns the same promise.
   */
  close(): Promise<void> {
    this.#closed ??= this.#close();
    return this.#closed;
  }

  async #close(): Promise<void> {
    while (this.#saving.size > 0) await Promise.allSettled([...this.#saving]);
    const context = await this.#opening?.catch(() => undefined);
    if (context !== undefined) {
      while (context.background.size > 0) await Promise.allSettled([...context.background]);
      context.publisher.close();
    }
    if (this.#ownsConnection && !this.#nc.isClosed()) await this.#nc.close();
  }

  #context(): Promise<StoreContext> {
    if (this.#opening === undefined) {
      const opening = openContext(this.#nc, this.config, this.#timeoutMs, this.#cacheSizes);
      this.#opening = opening;
      opening.catch(() => {
        if (this.#opening === opening) this.#opening = undefined;
      });
    }
    return this.#opening;
  }

  #snapshotBucket(context: StoreContext): SnapshotBucket {
    this.#snapshots ??= new SnapshotBucket(context);
    return this.#snapshots;
  }

  #assertOpen(): void {
    if (this.#closed !== undefined) {
      throw new JetStreamStoreError(
        'STORE_CLOSED',
        `the event store on stream ${JSON.stringify(this.config.stream)} is closed`,
      );
    }
  }

  #mapError(err: unknown, context: ErrorContext): unknown {
    const mapped = toStoreError(err, context);
    const interrupted = findJetStreamStoreError(mapped, 'TIMEOUT', 'DISCONNECTED', 'STREAM_UNAVAILABLE');
    if (this.#nc.isClosed() && interrupted !== undefined) {
      return new JetStreamStoreError(
        'CONNECTION_CLOSED',
        `${interrupted.message.split(';')[0]}: the NATS connection is closed`,
        {
          cause: err,
        },
      );
    }
    return mapped;
  }
}

// Connections made by `connect`: the store on such a connection owns it and closes it.
const ownedConnections = new WeakSet<NatsConnection>();

function positiveInteger(value: number, field: string, min = 1): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new ValidationError(field, `must be a whole number >= ${min}, got ${String(value)}`);
  }
  return value;
}
