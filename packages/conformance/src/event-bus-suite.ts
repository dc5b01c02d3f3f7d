import { describe } from 'vitest';
import { useBusFixture } from './bus-kit/bus-fixture.js';
import { topologies, useBusPair } from './bus-kit/bus-pair.js';
import type { EventBusFactory, EventBusSuiteOptions } from './bus-kit/bus-suite-options.js';
import { closedBusTests } from './event-bus/closed-bus.js';
import { deliveryTests } from './event-bus/delivery.js';
import { endingSubscriptionTests } from './event-bus/ending-subscriptions.js';
import { eventRuleTests } from './event-bus/event-rules.js';
import { filterTests } from './event-bus/filters.js';
import { inputValidationTests } from './event-bus/input-validation.js';
import { orderingTests } from './event-bus/ordering.js';
import { slowSubscriberTests } from './event-bus/slow-subscribers.js';

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
