import { atomicBatchTests } from './event-log/atomic-batches.js';
import { logReadingTests } from './event-log/log-reading.js';
import { logSubscriptionTests } from './event-log/log-subscriptions.js';
import type { LogStore } from './store-kit/log-kit.js';
import { describeStoreSuite, type StoreFactory, type StoreSuiteOptions } from './store-kit/store-fixture.js';

/**
 * The log's half of the store contract as a vitest suite: `saveEvents` (atomic batches),
 * `headPosition`, `readAll` and `subscribe`. Call it at the top level of a spec file with a
 * factory for your store. Every test writes actors of its own and reads the part of the log after
 * the head it found, so a store shared by the suite (`storeScope: 'suite'`) works.
 */
export function describeEventLog<S extends LogStore>(
  name: string,
  makeStore: StoreFactory<S>,
  options: StoreSuiteOptions<S> = {},
): void {
  describeStoreSuite(`EventLog contract: ${name}`, makeStore, options, (context) => {
    atomicBatchTests(context);
    logReadingTests(context);
    logSubscriptionTests(context);
  });
}
