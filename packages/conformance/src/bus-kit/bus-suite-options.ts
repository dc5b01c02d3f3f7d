import type { EventBus } from '@aether/core';

/** What the suite tells `makeBus` about the test it is making a bus for. */
export interface EventBusFactoryContext {
  /**
   * A fresh token per test (letters, digits and `-`, also a valid NATS subject token). Buses made
   * with the same scope form one network: with `crossBus`, an event published on one reaches the
   * others. Buses made with different scopes must never see each other's events, because the
   * suite subscribes to `>`; a NATS bus can use the scope as its subject prefix.
   */
  readonly scope: string;
}

/** Makes a new, open bus for one test; the suite closes every bus it made after the test. */
export type EventBusFactory = (context: EventBusFactoryContext) => EventBus | Promise<EventBus>;

export interface EventBusSuiteOptions {
  /**
   * How long the suite waits for something it awaits (an event, the end of an iteration) before
   * the test fails, in milliseconds. Default 2000. Tests get five times as long in all.
   */
  timeoutMs?: number;
  /**
   * Waits until everything done so far on the two buses has taken effect: subscriptions made on
   * `subscriber` receive what `publisher` publishes from now on, and every event `publisher` has
   * published has reached (or been dropped from) the buffers of `subscriber`'s subscriptions. The
   * suite calls it after subscribing and before it checks a buffer or a `dropped` count, so it
   * never has to sleep. `publisher` and `subscriber` are the same bus unless `crossBus` is set.
   *
   * Omit it for a bus that delivers inside `publish()` (`LocalEventBus`). A NATS bus flushes the
   * subscriber's connection (its subscriptions reach the server), then the publisher's (its
   * messages reach the server), then the subscriber's again (the server sends what it routed to
   * that connection before the reply to its ping).
   */
  settle?: (publisher: EventBus, subscriber: EventBus) => Promise<void>;
  /**
   * Set when buses made with the same scope deliver to each other (another connection, another
   * process): every delivery test then runs a second time with the publisher and the subscriber on
   * two different buses of one scope.
   */
  crossBus?: boolean;
  /**
   * How many generated events the property of core's rules for ids and data publishes (a few of
   * them near a megabyte), in each topology; default 100.
   */
  propertyRuns?: number;
}
