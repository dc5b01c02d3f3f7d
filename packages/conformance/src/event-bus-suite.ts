import type { EventBus } from '@aether/core';
import { describe } from 'vitest';
import { useBusFixture } from './bus-kit/bus-fixture.js';
import { topologies, useBusPair } from './bus-kit/bus-pair.js';
import { closedBusTests } from './event-bus/closed-bus.js';
import { deliveryTests } from './event-bus/delivery.js';
import { endingSubscriptionTests } from './event-bus/ending-subscriptions.js';
import { eventRuleTests } from './event-bus/event-rules.js';
import { filterTests } from './event-bus/filters.js';
import { inputValidationTests } from './event-bus/input-validation.js';
import { orderingTests } from './event-bus/ordering.js';
import { slowSubscriberTests } from './event-bus/slow-subscribers.js';

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

/**
 * The contract every `EventBus` keeps, as a vitest suite: call it at the top level of a test file.
 *
 * ```ts
 * import { LocalEventBus } from '@aether/core';
 * import { describeEventBus } from '@aether/conformance';
 *
 * describeEventBus('LocalEventBus', () => new LocalEventBus());
 * ```
 *
 * It specifies: delivery to namespace patterns (`*`, `>`, literal tokens) and nothing outside them;
 * the `eventTypes` and `actorPattern` filters; delivered events equal to what was published and
 * deeply frozen; order per publisher; bounded buffers with exact `dropped` counts under each
 * overflow policy; a subscriber that never reads blocking neither the publisher nor other
 * subscribers; `unsubscribe()`, `break` and `close()` ending iterations; `ValidationError` for bad
 * namespaces, patterns, options and events; exactly the events `validateEvent` accepts delivered,
 * as it returns them (a property over generated ids and data); and a closed bus refusing work.
 */
export function describeEventBus(
  name: string,
  makeBus: EventBusFactory,
  options: EventBusSuiteOptions = {},
): void {
  const timeoutMs = options.timeoutMs ?? 2000;
  const testTimeout = timeoutMs * 5;

  describe(`EventBus contract: ${name}`, { timeout: testTimeout }, () => {
    const fixture = useBusFixture({ makeBus, settle: options.settle, timeoutMs, testTimeout });

    for (const topology of topologies(options.crossBus)) {
      describe(topology.name, () => {
        const pair = useBusPair(fixture, topology);
        deliveryTests(pair);
        filterTests(pair);
        orderingTests(pair);
        slowSubscriberTests(pair);
        endingSubscriptionTests(pair);
        eventRuleTests(pair, options.propertyRuns ?? 100);
      });
    }

    inputValidationTests(fixture);
    closedBusTests(fixture);
  });
}
