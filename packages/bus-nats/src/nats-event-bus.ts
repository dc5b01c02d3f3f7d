import {
  type AnyEvent,
  type Delivery,
  type EventBus,
  EventBusClosedError,
  type SubscribeOptions,
  type Subscription,
  ValidationError,
} from '@aether/core';
import {
  boundedSubjectToken,
  checkEventRecord,
  eventFromRecord,
  LocalSubscription,
  resolveSubscription,
  validateEventRecord,
  validateNamespace,
} from '@aether/core/adapter';
import { ownedConnections } from '@aether/nats-support';
import type { Msg, NatsConnection, Subscription as NatsSubscription } from '@nats-io/nats-core';
import { ConnectionWatch } from './connection/connection-watch.js';
import { releaseConnection } from './connection/release-connection.js';
import { findNatsBusError, NatsBusError } from './errors/bus-error.js';
import { isClosedConnectionError, refusalOf } from './errors/classify.js';
import { permissionDenied } from './errors/to-bus-error.js';
import type { NatsEventBusConnectOptions, NatsEventBusOptions } from './options/options.js';
import { resolveOptions } from './options/resolve-options.js';
import { pickSubscribeOptions } from './options/subscribe-options.js';
import { NamespaceCheck } from './subjects/namespace-check.js';
import { compileRemoteFilter, type RemoteFilter } from './subjects/remote-filter.js';
import { checkNamespaceLength, eventSubject, subscriptionSubjects } from './subjects/subject-layout.js';
import { TokenCache, TokenValueCache } from './subjects/subject-token.js';
import { decodeDelivery } from './wire/decode-delivery.js';
import { ORIGIN_HEADER } from './wire/origin.js';
import { Sender } from './wire/sender.js';

// The connections this package made for itself: it closes them; a caller's it never closes.
const owned = ownedConnections();

/** A subscription of a `NatsEventBus`: a `Subscription` that also tells how much it holds. */
export interface BusSubscription extends Subscription {
  /** Events received and not read yet: never more than the subscription's `bufferSize`. */
  readonly buffered: number;
  /** True while the subscription receives events. */
  readonly active: boolean;
}

/**
 * The event bus across processes and machines: `LocalEventBus` semantics (same patterns, filters,
 * bounded buffers and overflow policies, deeply frozen deliveries) plus delivery over NATS.
 * `publish` delivers to this bus's own subscribers directly and sends one NATS message that the
 * server routes to every other bus; the subject carries the event type, the actor and the
 * namespace, so the server drops what a subscriber did not ask for. Live, at-most-once delivery:
 * what happens while a subscriber is disconnected is not replayed; read history from an event store.
 *
 * Open it with `await NatsEventBus.connect({ servers })` (the bus owns and closes the connection),
 * or with `new NatsEventBus(nc, options)` on a connection you own and close.
 */
export class NatsEventBus implements EventBus {
  /** Names this bus in the `Aether-Origin` header of its messages. */
  readonly nodeId: string;
  /** First tokens of every subject this bus publishes to and subscribes on. */
  readonly subjectPrefix: string;
  readonly #nc: NatsConnection;
  readonly #ownsConnection: boolean;
  readonly #onError: ((error: NatsBusError) => void) | undefined;
  readonly #subscriptions = new Set<LocalSubscription>();
  readonly #sender: Sender;
  readonly #types = new TokenCache();
  readonly #namespaces = new NamespaceCheck();
  readonly #codecState = { types: new TokenValueCache(), namespaces: this.#namespaces };
  readonly #watch: ConnectionWatch;
  #malformed = 0;
  #closing: Promise<void> | undefined;
  /** The first publish the server refused since the last `flush()`: that flush rejects with it. */
  #refused: NatsBusError | undefined;

  /** A bus on a connection the caller owns: `close()` leaves it open. */
  constructor(nc: NatsConnection, options: NatsEventBusOptions = {}) {
    const resolved = resolveOptions(options);
    this.nodeId = resolved.nodeId;
    this.subjectPrefix = resolved.subjectPrefix;
    this.#onError = resolved.onError;
    this.#nc = nc;
    this.#ownsConnection = owned.isOwned(nc);
    this.#watch = new ConnectionWatch(nc, {
      onClosed: (reason) => this.#connectionClosed(reason),
      onServerError: (error) => this.#serverError(error),
    });
    this.#sender = new Sender({
      nc,
      watch: this.#watch,
      subjectPrefix: this.subjectPrefix,
      // Only a connection that echoes (a caller's) brings this bus's own messages back to it.
      originNodeId: this.#ownsConnection ? undefined : this.nodeId,
      types: this.#types,
      report: (error) => this.#report(error),
    });
  }

  /** Connects to `servers` and makes a bus that owns the connection: `close()` drains and closes it. */
  static async connect(options: NatsEventBusConnectOptions): Promise<NatsEventBus> {
    const { servers, connection, ...busOptions } = options;
    const resolved = resolveOptions(busOptions); // bad options fail before any connection is made
    const nc = await owned.connect({
      maxReconnectAttempts: -1,
      name: `aether-bus ${resolved.nodeId}`,
      ...connection,
      servers,
      noEcho: true,
    });
    return new NatsEventBus(nc, { ...busOptions, nodeId: resolved.nodeId });
  }

  /** False while the NATS connection is down (nats.js is reconnecting) or closed: `publish` then rejects. */
  get connected(): boolean {
    return this.#watch.connected && !this.#nc.isClosed();
  }

  /** Messages dropped as malformed so far, counted once per subscription that received them. */
  get malformedMessages(): number {
    return this.#malformed;
  }

  /** The subject an event of this type and actor, published to `namespace`, travels on. */
  subjectFor(namespace: string, eventType: string, actorId: string): string {
    validateNamespace(namespace);
    requireText(eventType, 'eventType');
    requireText(actorId, 'actorId');
    return eventSubject(
      this.subjectPrefix,
      boundedSubjectToken(eventType),
      boundedSubjectToken(actorId),
      namespace,
    );
  }

  /**
   * Validates the namespace and the event, sends the event over NATS, then puts it into every
   * matching local subscription. Never waits for a subscriber. Rejects with a `ValidationError`
   * (bad input, or an event larger than the server's `max_payload`), with a retryable `NatsBusError`
   * `DISCONNECTED` while NATS is down, or `CONNECTION_CLOSED`; a rejected publish delivered nothing,
   * not even locally, so retrying it never duplicates.
   */
  async publish(namespace: string, input: AnyEvent): Promise<void> {
    if (this.#closing !== undefined) throw new EventBusClosedError('publish');
    this.#namespaces.check(namespace);
    if (this.#subscriptions.size === 0) {
      // Nobody in this process receives it: checked as validateEvent checks it, and encoded at
      // once instead of copied first (receiving buses check what they decode again).
      this.#sender.send(namespace, checkEventRecord(input));
      return;
    }
    const record = validateEventRecord(input);
    this.#sender.send(namespace, record);
    const event = Object.freeze(eventFromRecord(record));
    let delivery: Delivery | undefined;
    for (const subscription of this.#subscriptions) {
      if (!subscription.accepts(namespace, event)) continue;
      delivery ??= Object.freeze({ namespace, event });
      subscription.push(delivery);
    }
  }

  /**
   * Subscribes to namespaces matching `namespacePattern` (`*` one token, `>` the rest), as
   * `LocalEventBus` does. Listens on one NATS subject per listed event type. Throws a
   * `ValidationError` for a bad pattern or option.
   */
  subscribe(namespacePattern: string, options?: SubscribeOptions): BusSubscription {
    if (this.#closing !== undefined) throw new EventBusClosedError('subscribe');
    const picked = pickSubscribeOptions(options);
    const settings = resolveSubscription(namespacePattern, picked);
    checkNamespaceLength(namespacePattern, 'namespacePattern');
    const subjects = subscriptionSubjects(
      this.subjectPrefix,
      namespacePattern,
      picked?.eventTypes,
      picked?.actorPattern,
    );
    const natsSubscriptions: NatsSubscription[] = [];
    const subscription = new LocalSubscription(settings, (ended) => {
      this.#subscriptions.delete(ended);
      for (const natsSubscription of natsSubscriptions) unsubscribeQuietly(natsSubscription);
    });
    const remoteFilter = compileRemoteFilter(picked?.eventTypes, picked?.actorPattern);
    const callback = (err: Error | null, msg: Msg) => this.#receive(subscription, remoteFilter, err, msg);
    try {
      for (const subject of subjects) natsSubscriptions.push(this.#nc.subscribe(subject, { callback }));
    } catch (err) {
      subscription.unsubscribe();
      throw isClosedConnectionError(err) || this.#nc.isClosed()
        ? new NatsBusError('CONNECTION_CLOSED', 'cannot subscribe: the NATS connection is closed', {
            cause: err,
          })
        : err;
    }
    this.#subscriptions.add(subscription);
    return subscription;
  }

  /**
   * Resolves once the server has everything this bus sent so far (publishes, subscriptions) and
   * this bus has received what the server routed to it before that. Rejects with `PERMISSION_DENIED`
   * when the server refused a publish of this bus since the previous flush (a refused publish is
   * otherwise only reported to `onError`: `publish` does not wait for the server). Resolves at
   * once on a closed bus.
   */
  async flush(): Promise<void> {
    if (this.#closing !== undefined || this.#nc.isClosed()) return;
    this.#sender.flush();
    try {
      await this.#nc.flush();
    } catch (err) {
      if (this.#nc.isClosed()) return;
      throw new NatsBusError(
        'DISCONNECTED',
        'flush failed: the NATS connection dropped; retry once it is back',
        {
          cause: err,
        },
      );
    }
    // The server reports a refusal before it answers the flush, but nats.js hands it over through
    // its status iterator, a few promise steps later: one turn of the event loop runs them all.
    await new Promise((resolve) => setImmediate(resolve));
    const refused = this.#refused;
    this.#refused = undefined;
    if (refused !== undefined) throw refused;
  }

  /**
   * Ends every subscription at once, as `LocalEventBus.close()` does (pending reads end, unread
   * events are discarded) and unsubscribes its NATS subjects; then waits (at most 5 s) until the
   * server has what this bus published, and drains and closes the connection when the bus owns it.
   * Later `publish` and `subscribe` calls throw. Calling it again returns the same promise.
   */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.#endSubscriptions();
    this.#sender.flush();
    this.#watch.stop();
    await releaseConnection(this.#nc, this.#ownsConnection, this.#watch.connected);
  }

  #receive(subscription: LocalSubscription, filter: RemoteFilter, err: Error | null, msg: Msg): void {
    // Runs inside nats.js's protocol parser: nothing may escape from here.
    try {
      if (err !== null) {
        this.#subscriptionRefused(subscription, err);
        return;
      }
      if (!subscription.active) return;
      // Only a connection that echoes (a caller's) brings back this bus's own messages.
      if (!this.#ownsConnection && msg.headers?.get(ORIGIN_HEADER) === this.nodeId) return;
      const delivery = decodeDelivery(this.subjectPrefix, msg.subject, msg.data, this.#codecState);
      if (filter(delivery.event)) subscription.push(delivery);
    } catch (error) {
      this.#malformed++;
      this.#report(
        findNatsBusError(error) ??
          new NatsBusError(
            'MALFORMED_MESSAGE',
            `dropped a message that could not be read: ${String(error)}`,
            {
              cause: error,
            },
          ),
      );
    }
  }

  // A refused subject can never deliver: the subscription ends with the error (its reader gets
  // what was buffered, then the error) rather than wait for ever.
  #subscriptionRefused(subscription: LocalSubscription, err: Error): void {
    const pattern = JSON.stringify(subscription.namespacePattern);
    const refusal = refusalOf(err);
    if (refusal === undefined) {
      this.#report(
        new NatsBusError(
          'SUBSCRIPTION_FAILED',
          `the server refused a subscription of ${pattern}: ${err.message}`,
          {
            cause: err,
          },
        ),
      );
      return;
    }
    const error = permissionDenied(refusal, `the subscription of ${pattern} has ended`, err);
    this.#report(error);
    subscription.fail(error);
  }

  // The server tells of a refused publish only on the connection: `publish` returned long ago.
  #serverError(error: Error): void {
    const refusal = refusalOf(error);
    if (refusal?.permission !== 'publish' || !refusal.subject.startsWith(`${this.subjectPrefix}.`)) return;
    const denied = permissionDenied(refusal, 'an event published there reached no other process', error);
    this.#refused ??= denied;
    this.#report(denied);
  }

  #report(error: NatsBusError): void {
    try {
      this.#onError?.(error);
    } catch {
      // a failing hook must not break delivery
    }
  }

  #connectionClosed(reason: Error | undefined): void {
    if (this.#closing !== undefined) return;
    this.#endSubscriptions();
    this.#report(
      new NatsBusError(
        'CONNECTION_CLOSED',
        `the NATS connection closed${reason === undefined ? '' : ` (${reason.message})`}; every subscription of this bus has ended`,
        { cause: reason },
      ),
    );
  }

  #endSubscriptions(): void {
    for (const subscription of [...this.#subscriptions]) subscription.unsubscribe();
  }
}

function unsubscribeQuietly(subscription: NatsSubscription): void {
  try {
    subscription.unsubscribe();
  } catch {
    // the connection is closed: nothing left to unsubscribe
  }
}

function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.length === 0)
    throw new ValidationError(field, 'must be a non-empty string');
}
