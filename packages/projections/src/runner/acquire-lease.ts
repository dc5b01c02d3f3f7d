import { isRetryable } from '@aether/core';
import type { Clock } from '@aether/retry';
import type { CheckpointStore, Lease } from '../checkpoints/checkpoint-store.js';

/** How often a standby worker asks for the lease again, at most. */
export const STANDBY_EVERY_MS = 250;

/**
 * Takes the lease on `projection` once this worker can have it: while another holds it, asks
 * again every `min(ttlMs / 3, 250 ms)` (`onStandby` is called each time); `undefined` when `signal`
 * aborts first. A checkpoint store that cannot be reached fails it at once when `failFast` (a
 * runner at start: a clear error rather than a silent wait), otherwise it is asked again after
 * waits doubling from 500 ms up to the same bound; an error that is not retryable always fails it.
 */
export async function acquireLease(options: {
  checkpoints: CheckpointStore<unknown>;
  projection: string;
  holder: string;
  ttlMs: number;
  clock: Clock;
  signal: AbortSignal;
  failFast: () => boolean;
  onStandby: () => void;
}): Promise<Lease | undefined> {
  const { checkpoints, projection, holder, ttlMs, clock, signal } = options;
  let failures = 0;
  while (!signal.aborted) {
    try {
      const lease = await checkpoints.acquire(projection, holder, ttlMs);
      if (lease !== undefined) return lease;
      options.onStandby();
      failures = 0;
    } catch (error) {
      if (options.failFast() || !isRetryable(error)) throw error;
      failures++;
    }
    const wait = Math.min(ttlMs / 3, STANDBY_EVERY_MS * 2 ** failures);
    await clock.sleep(wait, signal).catch(() => undefined);
  }
  return undefined;
}
