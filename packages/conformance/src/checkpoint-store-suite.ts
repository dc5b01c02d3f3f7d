import type { CheckpointStoreUnderTest } from './checkpoint-kit/checkpoint-contract.js';
import type { CheckpointStoreSuiteOptions } from './checkpoint-kit/checkpoint-suite-options.js';
import { commitConflictTests } from './checkpoint-store/commit-conflicts.js';
import { fencingTests } from './checkpoint-store/fencing.js';
import { leaseExpiryTests } from './checkpoint-store/lease-expiry.js';
import { leaseTests } from './checkpoint-store/leases.js';
import { parkingTests } from './checkpoint-store/parking.js';
import { positionAndCommitTests } from './checkpoint-store/positions-and-commits.js';
import { describeStoreSuite, type StoreFactory } from './store-kit/store-fixture.js';
import type { SuiteContext } from './store-kit/suite-context.js';

/**
 * The `CheckpointStore` contract of `@aether/projections` as a vitest suite: positions, commits
 * with a compare-and-set on the position, leases with fencing tokens (one holder at a time,
 * expiry, takeover, release) and parked events. Call it at the top level of a spec file with a
 * factory for your store. Every test uses projection names of its own, so a store shared by the
 * suite (`storeScope: 'suite'`) or a database other tests use works.
 */
export function describeCheckpointStore<S extends CheckpointStoreUnderTest>(
  name: string,
  makeStore: StoreFactory<S>,
  options: CheckpointStoreSuiteOptions<S> = {},
): void {
  describeStoreSuite(`CheckpointStore contract: ${name}`, makeStore, options, (context) => {
    const checkpoint = context as SuiteContext<CheckpointStoreUnderTest>;
    const settings = options as CheckpointStoreSuiteOptions<CheckpointStoreUnderTest>;
    positionAndCommitTests(checkpoint);
    commitConflictTests(checkpoint);
    leaseTests(checkpoint);
    leaseExpiryTests(checkpoint, settings);
    fencingTests(checkpoint, settings);
    parkingTests(checkpoint);
  });
}
