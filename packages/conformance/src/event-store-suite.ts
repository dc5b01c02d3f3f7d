import type { EventStore } from '@aether/core';
import { awkwardIdTests } from './event-store/awkward-ids.js';
import { concurrencyTests } from './event-store/concurrency.js';
import { eventRuleTests } from './event-store/event-rules.js';
import { eventsWithErrorsTests } from './event-store/events-with-errors.js';
import { immutabilityTests } from './event-store/immutability.js';
import { saveAndReadTests } from './event-store/save-and-read.js';
import { unknownActorTests } from './event-store/unknown-actor.js';
import { validationTests } from './event-store/validation.js';
import { versionConflictTests } from './event-store/version-conflicts.js';
import { describeStoreSuite, type StoreFactory, type StoreSuiteOptions } from './store-kit/store-fixture.js';

export interface EventStoreSuiteOptions<S extends EventStore = EventStore> extends StoreSuiteOptions<S> {
  /** How many `saveEvent` calls race for the same version (and how many actors are written at once); default 25. */
  concurrentWriters?: number;
  /**
   * How many generated events the property of core's rules for ids and data saves (a few of them
   * near a megabyte); default 100.
   */
  propertyRuns?: number;
}

/**
 * The `EventStore` contract as a vitest suite: call it at the top level of a spec file with a
 * factory for your store. See the package README for the behaviours it checks.
 */
export function describeEventStore<S extends EventStore>(
  name: string,
  makeStore: StoreFactory<S>,
  options: EventStoreSuiteOptions<S> = {},
): void {
  describeStoreSuite(`EventStore contract: ${name}`, makeStore, options, (context) => {
    unknownActorTests(context);
    saveAndReadTests(context);
    versionConflictTests(context);
    concurrencyTests(context, options.concurrentWriters ?? 25);
    immutabilityTests(context);
    validationTests(context);
    eventRuleTests(context, options.propertyRuns ?? 100);
    awkwardIdTests(context);
    eventsWithErrorsTests(context);
  });
}
