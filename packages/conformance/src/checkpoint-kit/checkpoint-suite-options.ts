import type { StoreSuiteOptions } from '../store-kit/store-fixture.js';

/** Options of `describeCheckpointStore`, besides those every store suite takes. */
export interface CheckpointStoreSuiteOptions<S> extends StoreSuiteOptions<S> {
  /**
   * The lease time the expiry tests renew a lease with, in milliseconds, so that it runs out while
   * the test waits; default 100. Raise it for a store whose clock is coarse.
   */
  shortLeaseMs?: number;
  /** How long the expiry tests wait for a short lease to run out before failing; default 10,000 ms. */
  expiryWaitMs?: number;
}
