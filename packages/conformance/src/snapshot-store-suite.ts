import type { SnapshotStore } from '@aether/core';
import { snapshotBasicsTests } from './snapshot-store/snapshot-basics.js';
import { snapshotImmutabilityTests } from './snapshot-store/snapshot-immutability.js';
import { snapshotReplayTests } from './snapshot-store/snapshot-replay.js';
import { snapshotRuleTests } from './snapshot-store/snapshot-rules.js';
import { describeStoreSuite, type StoreFactory, type StoreSuiteOptions } from './store-kit/store-fixture.js';

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
  describeStoreSuite(`SnapshotStore contract: ${name}`, makeStore, options, (context) => {
    snapshotBasicsTests(context);
    snapshotRuleTests(context);
    snapshotImmutabilityTests(context);
    snapshotReplayTests(context);
  });
}
