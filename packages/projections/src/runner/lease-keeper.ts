import type { Clock } from '@aether/retry';
import type { CheckpointStore, Lease } from '../checkpoints/checkpoint-store.js';

/** A lease being renewed in the background; see `keepLease`. */
export interface KeptLease {
  /** The latest renewal: commits are made under it. */
  readonly current: Lease;
  /** True once a renewal was refused (another worker holds the lease now). */
  readonly lost: boolean;
  /** Aborted when the lease is lost, when `stop()` is called or when `until` aborts. */
  readonly signal: AbortSignal;
  stop(): void;
}

/**
 * Renews `lease` every third of its time to live, so two renewals can fail (the checkpoint store
 * briefly unreachable) before it expires. A refused renewal means another worker has it: `lost`
 * turns true and `onLost` is called, so the runner stops reading at once instead of at its next
 * commit.
 */
export function keepLease(options: {
  lease: Lease;
  ttlMs: number;
  checkpoints: CheckpointStore<unknown>;
  clock: Clock;
  until: AbortSignal;
  onRenewed(lease: Lease): void;
  onLost(): void;
}): KeptLease {
  const { checkpoints, clock, ttlMs } = options;
  const ended = new AbortController();
  const onStop = () => ended.abort();
  options.until.addEventListener('abort', onStop, { once: true });
  const state = {
    current: options.lease,
    lost: false,
    signal: ended.signal,
    stop: () => {
      ended.abort();
      options.until.removeEventListener('abort', onStop);
    },
  };
  void (async () => {
    while (!ended.signal.aborted) {
      await clock.sleep(ttlMs / 3, ended.signal).catch(() => undefined);
      if (ended.signal.aborted) return;
      // A failed renewal (the store unreachable) keeps the lease it has: it may still be valid,
      // and a commit under an expired one is refused anyway.
      const renewed = await checkpoints.renew(state.current, ttlMs).catch(() => state.current);
      if (renewed === undefined) {
        if (ended.signal.aborted) return; // stopped meanwhile: releasing it is all that is left
        state.lost = true;
        ended.abort();
        options.onLost();
        return;
      }
      state.current = renewed;
      options.onRenewed(renewed);
    }
  })();
  return state;
}
