import type { AnyEvent, EventLog } from '@aether/core';
import { ValidationError } from '@aether/core';
import { ProjectionError } from '../errors/projection-error.js';
import type { Projection } from '../projection.js';
import type { ProjectionRunner } from './projection-runner.js';
import { type RunProjectionOptions, runProjection } from './run-projection.js';
import { waitTimeout } from './wait-options.js';

/** How a read model is built again from the start of the log. */
export type RebuildOptions<Tx> = RunProjectionOptions<Tx> & {
  /**
   * How long to wait for the rebuild to catch up, in milliseconds (default `Infinity`: a long
   * history takes as long as it takes; the wait still ends when the runner fails). On a timeout
   * the runner is stopped and the `TIMEOUT` error thrown; its position is kept, so running it
   * again goes on from there.
   */
  catchUpTimeoutMs?: number;
} & (
    | {
        /**
         * `'blue-green'`: `projection` is a new version under a new name (say `orders.v2`) writing
         * new tables; it is built from position 0 beside the running one, and `switchOver()` is
         * called once it has caught up (point the application at the new tables, stop the old runner).
         */
        mode: 'blue-green';
        switchOver(): Promise<void>;
      }
    | {
        /**
         * `'truncate'`: the same projection, rebuilt in place: `truncate(tx)` empties its read model
         * and its position goes back to 0 in one commit under its lease (one transaction with a
         * transactional checkpoint store), then it is applied from the start. Stop its runner first:
         * the rebuild takes the lease.
         */
        mode: 'truncate';
        truncate(tx: Tx): Promise<void>;
      }
  );

/**
 * Builds `projection` again from the start of the log (see `RebuildOptions`) and returns its
 * runner, caught up and going on live. Refused with `HistoryExpiredError` when the log's first
 * events have expired, unless `allowExpiredHistory` is set: a rebuild from what is left would
 * silently miss them.
 */
export async function rebuildProjection<E extends AnyEvent, Tx>(
  store: EventLog,
  projection: Projection<E, Tx>,
  options: RebuildOptions<Tx>,
): Promise<ProjectionRunner> {
  const timeoutMs = waitTimeout({ timeoutMs: options.catchUpTimeoutMs ?? Number.POSITIVE_INFINITY });
  // The log must still start at position 1: reading its first event says (HistoryExpiredError).
  await store.readAll({ after: 0, limit: 1, allowExpiredHistory: options.allowExpiredHistory === true });
  if (options.mode === 'truncate') {
    await resetPosition(projection, options);
  } else if (options.mode !== 'blue-green') {
    throw new ValidationError(
      'mode',
      `must be 'blue-green' or 'truncate', got ${JSON.stringify((options as { mode?: unknown }).mode)}`,
    );
  } else if ((await options.checkpoints.position(projection.name)) !== 0) {
    throw new ValidationError(
      'projection.name',
      `${JSON.stringify(projection.name)} has a position already: a blue-green rebuild builds a new version under a new name`,
    );
  }
  const runner = runProjection(store, projection, options);
  try {
    await runner.whenCaughtUp({ timeoutMs });
  } catch (error) {
    await runner.stop();
    throw error;
  }
  if (options.mode === 'blue-green') await options.switchOver();
  return runner;
}

async function resetPosition<Tx>(
  projection: Projection<AnyEvent, Tx> | Projection<never, Tx>,
  options: RunProjectionOptions<Tx> & { truncate(tx: Tx): Promise<void> },
): Promise<void> {
  const { checkpoints } = options;
  const holder = `rebuild-${crypto.randomUUID().slice(0, 8)}`;
  const lease = await checkpoints.acquire(projection.name, holder, options.leaseTtlMs ?? 15_000);
  if (lease === undefined) {
    throw new ProjectionError(
      'LEASE_LOST',
      projection.name,
      `cannot rebuild projection ${JSON.stringify(projection.name)} in place: another worker holds its lease; stop its runner first`,
    );
  }
  try {
    const from = await checkpoints.position(projection.name);
    await checkpoints.commit(lease, { from, to: 0 }, (tx) => options.truncate(tx));
  } finally {
    await checkpoints.release(lease);
  }
}
