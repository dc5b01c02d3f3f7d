import {
  type ActorSnapshot,
  type AnyEvent,
  type Event,
  type EventLog,
  type EventStoreWithErrors,
  type EventSubscription,
  type EventsWithErrors,
  type LogSubscribeOptions,
  type Position,
  type ReadAllOptions,
  type RecordedEvent,
  type SnapshotStore,
  validateEvent,
} from '@aether/core';
import {
  checkFromVersion,
  encodeEvents,
  eventFromRecord,
  resolveLogSubscription,
  resolveReadAll,
  validateBatch,
} from '@aether/core/adapter';
import { ownedConnections } from '@aether/nats-support';
import type { NatsConnection } from '@nats-io/nats-core';
import { findJetStreamStoreError, JetStreamStoreError } from './errors/store-error.js';
import { type ErrorContext, toStoreError } from './errors/to-store-error.js';
import { selectFrom } from './history/actor-history.js';
import { JetStreamLogSubscription } from './log/log-subscription.js';
import { readAll } from './log/read-all.js';
import { type OpenStore, openStore } from './open-store.js';
import type { JetStreamConnectOptions, JetStreamEventStoreOptions } from './options/options.js';
import { type ResolvedConfig, type ResolvedOptions, resolveOptions } from './options/resolve-options.js';
import { loadHistory } from './read/load-history.js';
import { readHead } from './read/read-head.js';
import { getLatestSnapshot, saveSnapshot } from './snapshot/snapshot-ops.js';
import { actorSubject, actorToken } from './subjects/subject-layout.js';
import { appendEvents } from './write/append-event.js';
import { checkEventSize } from './write/event-size.js';
import { KeyedQueue } from './write/keyed-queue.js';

// The connections this package made for itself: it closes them; a caller's it never closes.
const owned = ownedConnections();

/**
 * The durable, distributed event store on NATS JetStream. Every append carries the actor's last
 * stream sequence as an expectation the server enforces, so any number of processes can write the
 * same actors without losing, duplicating or overwriting an event.
 *
 * Open it with `await JetStreamEventStore.connect({ servers })` (the store owns and closes the
 * connection), or with `new JetStreamEventStore(nc, options)` on a connection you own and close;
 * the first call (or `await store.open()`) runs the startup checks.
 */
export class JetStreamEventStore implements EventStoreWithErrors, SnapshotStore, EventLog {
  /**
   * The options after defaults, with every name derived from them: `storeName` as given, `stream`
   * (the JetStream stream), `subjectPrefix`, `snapshotBucket`; durations in milliseconds.
   */
  readonly config: ResolvedConfig;
  readonly #nc: NatsConnection;
  readonly #ownsConnection: boolean;
  readonly #options: ResolvedOptions;
  readonly #queue = new KeyedQueue();
  readonly #saving = new Set<Promise<void>>();
  // Subscriptions still open: `close()` ends them.
  readonly #subscriptions = new Set<JetStreamLogSubscription>();
  #opening: Promise<OpenStore> | undefined;
  #closed: Promise<void> | undefined;

  /** A store on a connection the caller owns (and closes). Nothing is sent until `open()` or a first call. */
  constructor(nc: NatsConnection, options: JetStreamEventStoreOptions = {}) {
    this.#nc = nc;
    this.#ownsConnection = owned.isOwned(nc);
    this.#options = resolveOptions(options);
    this.config = this.#options.config;
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
    resolveOptions(storeOptions); // bad options fail before any connection is made
    // Without async traces: nats.js would capture two stacks per request, a large part of what a
    // request costs in the client. The caller's options may still turn them back on.
    const nc = await owned.connect({ noAsyncTraces: true, ...connection, servers });
    try {
      return await new JetStreamEventStore(nc, storeOptions).open();
    } catch (err) {
      await nc.close();
      throw err;
    }
  }

  /**
   * The JetStream stream this store writes to: `config.storeName`, or `<storeName>__<namespace>`
   * with a namespace.
   */
  get stream(): string {
    return this.config.stream;
  }

  /** The subject an actor's events are stored on: `<subjectPrefix>.<encoded actor id>`. */
  subjectFor(actorId: string): string {
    return actorSubject(this.config.subjectPrefix, actorToken(actorId));
  }

  /**
   * Runs the startup checks once (JetStream present, stream created or its config matching) and
   * returns the store. Calls made before it wait for it; a failed open is tried again by the next call.
   */
  async open(): Promise<this> {
    await this.#store();
    return this;
  }

  async saveEvent(input: AnyEvent): Promise<void> {
    this.#assertOpen();
    // Core's rules first (ids that travel as a header, MAX_EVENT_BYTES), then the server's max_payload.
    return this.#track(() => [validateEvent(input)], 'event');
  }

  /**
   * Saves the events of one actor together, as one message: one expectation, one `Nats-Msg-Id`
   * (the first event's id), so a crash can never leave part of them stored and a retried batch is
   * stored once (see `EventStore.saveEvents`).
   */
  async saveEvents(inputs: readonly AnyEvent[]): Promise<void> {
    this.#assertOpen();
    return this.#track(
      () => validateBatch(inputs).map((record) => Object.freeze(eventFromRecord(record))),
      'events',
    );
  }

  // Tracked from the start: a save still waiting for the store to open is in flight too.
  async #track(validate: () => Event[], field: string): Promise<void> {
    const saving = this.#save(validate, field);
    this.#saving.add(saving);
    try {
      return await saving;
    } finally {
      this.#saving.delete(saving);
    }
  }

  async #save(validate: () => Event[], field: string): Promise<void> {
    const events = validate();
    const first = events[0] as Event;
    const subjectToken = actorToken(first.actorId);
    const store = await this.#store();
    const payload = encodeEvents(events);
    checkEventSize(first.id, payload, store.maxPayload, field);
    const subject = actorSubject(this.config.subjectPrefix, subjectToken);
    const errorContext: ErrorContext = {
      operation: 'save',
      stream: this.config.stream,
      actorId: first.actorId,
      eventId: first.id,
      version: first.version,
      count: events.length,
      duplicateWindowMs: this.config.duplicateWindowMs,
    };
    return this.#queue
      .run(first.actorId, () => appendEvents(store, { events, subject, payload }))
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
    const subject = actorSubject(this.config.subjectPrefix, actorToken(actorId));
    const store = await this.#store();
    try {
      const history = await loadHistory(store, actorId, subject, from);
      return selectFrom(history, from);
    } catch (err) {
      throw this.#mapError(err, { operation: 'read', stream: this.config.stream, actorId });
    }
  }

  async getLatestVersion(actorId: string): Promise<number> {
    this.#assertOpen();
    const subject = actorSubject(this.config.subjectPrefix, actorToken(actorId));
    const store = await this.#store();
    try {
      return (await readHead(store, actorId, subject)).version;
    } catch (err) {
      throw this.#mapError(err, { operation: 'read', stream: this.config.stream, actorId });
    }
  }

  /**
   * The stream's last sequence, from its info (which the stream's leader answers): the position of
   * the newest message. On a replicated stream that message can be a save that lost a race, which
   * holds no event; reading after it is still right.
   */
  async headPosition(): Promise<Position> {
    this.#assertOpen();
    const store = await this.#store();
    try {
      return (await store.stream.bounds()).last;
    } catch (err) {
      throw this.#mapError(err, { operation: 'log', stream: this.config.stream });
    }
  }

  /**
   * The log after `options.after`, up to the head at the time of the call (see `EventLog.readAll`),
   * read with a consumer of its own that is deleted afterwards.
   */
  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.#assertOpen();
    const settings = resolveReadAll(options);
    const store = await this.#store();
    try {
      return await readAll(store, settings);
    } catch (err) {
      throw this.#mapError(err, { operation: 'log', stream: this.config.stream });
    }
  }

  /**
   * Follows the log (see `EventLog.subscribe` and `JetStreamLogSubscription`): catch-up, then
   * live, resuming by itself after reconnects, restarts and leader changes.
   */
  subscribe(options?: LogSubscribeOptions): EventSubscription {
    this.#assertOpen();
    const settings = resolveLogSubscription(options);
    const subscription: JetStreamLogSubscription = new JetStreamLogSubscription(this.#store(), settings, () =>
      this.#subscriptions.delete(subscription),
    );
    this.#subscriptions.add(subscription);
    return subscription;
  }

  async getLatestSnapshot(actorId: string): Promise<ActorSnapshot | undefined> {
    this.#assertOpen();
    actorToken(actorId);
    const store = await this.#store();
    try {
      return await getLatestSnapshot(store, actorId);
    } catch (err) {
      throw this.#mapError(err, { operation: 'snapshot', stream: this.config.stream, actorId });
    }
  }

  async saveSnapshot(snapshot: ActorSnapshot): Promise<void> {
    this.#assertOpen();
    const store = await this.#store();
    try {
      await saveSnapshot(store, snapshot);
    } catch (err) {
      const actorId = typeof snapshot?.actorId === 'string' ? snapshot.actorId : '';
      throw this.#mapError(err, { operation: 'snapshot', stream: this.config.stream, actorId });
    }
  }

  /**
   * Waits for saves in flight, ends subscriptions and the snapshot key watch (deleting its
   * consumer), then closes the connection when the store owns it. Later calls fail with
   * `STORE_CLOSED`. Calling it again returns the same promise.
   */
  close(): Promise<void> {
    this.#closed ??= this.#close();
    return this.#closed;
  }

  async #close(): Promise<void> {
    while (this.#saving.size > 0) await Promise.allSettled([...this.#saving]);
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.close()));
    const store = await this.#opening?.catch(() => undefined);
    if (store !== undefined) {
      await store.snapshots.close();
      await store.stream.idle();
      store.publisher.close();
    }
    if (this.#ownsConnection && !this.#nc.isClosed()) await this.#nc.close();
  }

  #store(): Promise<OpenStore> {
    if (this.#opening === undefined) {
      const opening = openStore(this.#nc, this.#options);
      this.#opening = opening;
      opening.catch(() => {
        if (this.#opening === opening) this.#opening = undefined;
      });
    }
    return this.#opening;
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
