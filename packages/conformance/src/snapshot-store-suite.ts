import type { SnapshotStore } from '@aether/core';
import { describe } from 'vitest';
import { snapshotBasicsTests } from './snapshot-store/snapshot-basics.js';
import { snapshotImmutabilityTests } from './snapshot-store/snapshot-immutability.js';
import { snapshotReplayTests } from './snapshot-store/snapshot-replay.js';
import { snapshotRuleTests } from './snapshot-store/snapshot-rules.js';
import { type StoreFactory, type StoreSuiteOptions, useStore } from './store-kit/store-fixture.js';
import { uniqueIds } from './store-kit/unique-ids.js';

export type SnapshotStoreSuiteOptions<S extends SnapshotStore = SnapshotStore> = StoreSuiteOptions<S>;

/**
 * The `SnapshotStore` contract as a vitest suite. It covers only the snapshot methods: run
 * `describeEventStore` on the same factory for the event methods.
 */
export function describeSnapshotStore<S extends SnapshotStore>(
  name: string,
  makeStore: StoreFactory<S>,
  options: SnapshotStoreSuiteOptions<S> = {},
): void {
  const suiteOptions = options.timeout === undefined ? {} : { timeout: options.timeout };
  describe(`SnapshotStore contract: ${name}`, suiteOptions, () => {
    const context = {
      store: useStore(makeStore, options),
      newId: uniqueIds(options.idPrefix ?? 'conformance'),
    };
    snapshotBasicsTests(context);
    snapshotRuleTests(context);
    snapshotImmutabilityTests(context);
    snapshotReplayTests(context);
  });
}
