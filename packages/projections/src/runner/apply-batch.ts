import type { AnyEvent, RecordedEvent } from '@aether/core';
import { causeChain } from '@aether/core/adapter';
import { type Clock, exponential, retry } from '@aether/retry';
import type { CheckpointStore, Lease } from '../checkpoints/checkpoint-store.js';
import { findProjectionError, ProjectionError } from '../errors/projection-error.js';
import type { Projection } from '../projection.js';

/** What happens to an event that keeps failing after its retries. */
export type PoisonPolicy = 'stop' | 'park';

/** How a batch is applied: the projection, where it commits, and what to do when it keeps failing. */
export interface ApplySettings<Tx> {
  projection: Projection<AnyEvent, Tx>;
  checkpoints: CheckpointStore<Tx>;
  /** Tries of one batch (or one position of it) before it counts as poison. */
  maxAttempts: number;
  onPoison: PoisonPolicy;
  clock: Clock | undefined;
  /** Aborted when the lease is lost or the runner stops: no more waits for further tries. */
  signal: AbortSignal;
  /** Called when a position is parked. */
  onParked(position: number): void;
  /** Called after every commit, with the position committed: a split batch commits in parts. */
  onCommitted(position: number): void;
}

// An error thrown by the projection's `apply`, as opposed to one of the checkpoint store (its
// database unreachable, say): only the first is the event's fault.
class ApplyFailed extends Error {
  constructor(readonly failure: unknown) {
    super('apply failed', { cause: failure });
  }
}

/**
 * Applies a batch and commits it from `from`: the projection's `apply` (with the matching events
 * only; a batch none of whose events match still moves the position) in the checkpoint store's
 * commit. A failing `apply` is tried again with backoff; when it keeps failing, the batch is split
 * to find the position that fails (`isolate`), which is parked or stops the projection
 * (`onPoison`). A failure of the checkpoint store itself is tried again for as long as it takes
 * (it never parks an event), and a lost lease ends it with `LEASE_LOST`. Returns the position it
 * committed up to.
 */
export async function applyBatch<Tx>(
  settings: ApplySettings<Tx>,
  lease: Lease,
  from: number,
  batch: readonly RecordedEvent[],
  matches: (recorded: RecordedEvent) => boolean,
): Promise<number> {
  const failure = await tryCommit(settings, lease, from, batch, matches, settings.maxAttempts);
  if (failure === undefined) return committed(settings, lastPosition(batch));
  const groups = byPosition(batch);
  return groups.length === 1
    ? poison(settings, lease, from, batch, failure)
    : isolate(settings, lease, from, groups, matches);
}

// Commits the groups (positions) of a batch that failed as a whole, finding the position that
// fails by halves: a half is tried once, a single position with every attempt before it is
// poison. Returns the position it committed up to.
async function isolate<Tx>(
  settings: ApplySettings<Tx>,
  lease: Lease,
  from: number,
  groups: readonly RecordedEvent[][],
  matches: (recorded: RecordedEvent) => boolean,
): Promise<number> {
  const batch = groups.flat();
  const single = groups.length === 1;
  const failure = await tryCommit(settings, lease, from, batch, matches, single ? settings.maxAttempts : 1);
  if (failure === undefined) return committed(settings, lastPosition(batch));
  if (single) return poison(settings, lease, from, batch, failure);
  const half = Math.ceil(groups.length / 2);
  const middle = await isolate(settings, lease, from, groups.slice(0, half), matches);
  return isolate(settings, lease, middle, groups.slice(half), matches);
}

function lastPosition(batch: readonly RecordedEvent[]): number {
  return (batch[batch.length - 1] as RecordedEvent).position;
}

// Commits the batch; `undefined` once committed, else the last failure of `apply` after `attempts`.
async function tryCommit<Tx>(
  settings: ApplySettings<Tx>,
  lease: Lease,
  from: number,
  batch: readonly RecordedEvent[],
  matches: (recorded: RecordedEvent) => boolean,
  attempts: number,
): Promise<unknown> {
  const to = lastPosition(batch);
  const wanted = batch.filter(matches);
  const apply = async (tx: Tx) => {
    if (wanted.length === 0) return;
    try {
      await settings.projection.apply(wanted, tx);
    } catch (error) {
      throw new ApplyFailed(error);
    }
  };
  let applyFailures = 0;
  // The first try is always made, even after stop() (the batch in hand is finished); the signal
  // only cuts short the waits before further tries.
  const waits = new AbortController();
  const endWaits = () => waits.abort(settings.signal.reason);
  let tried = false;
  try {
    await retry(
      () => {
        if (!tried) {
          tried = true;
          if (settings.signal.aborted) endWaits();
          else settings.signal.addEventListener('abort', endWaits, { once: true });
        }
        return settings.checkpoints.commit(lease, { from, to }, apply);
      },
      {
        maxAttempts: Number.POSITIVE_INFINITY,
        backoff: exponential({ initialDelayMs: 100, factor: 2, maxDelayMs: 5_000 }),
        clock: settings.clock,
        signal: waits.signal,
        retryOn: (error) => {
          if (findProjectionError(error, 'LEASE_LOST', 'CHECKPOINT_CONFLICT') !== undefined) return false;
          if (error instanceof ApplyFailed) return ++applyFailures < attempts;
          return true; // the checkpoint store's own trouble: for as long as it takes
        },
      },
    );
    return undefined;
  } catch (error) {
    const failed = findApplyFailed(error);
    if (failed === undefined) throw error;
    return failed.failure;
  } finally {
    settings.signal.removeEventListener('abort', endWaits);
  }
}

// Parks the position (or stops, by the policy) after it kept failing.
async function poison<Tx>(
  settings: ApplySettings<Tx>,
  lease: Lease,
  from: number,
  events: readonly RecordedEvent[],
  failure: unknown,
): Promise<number> {
  const position = (events[0] as RecordedEvent).position;
  const name = settings.projection.name;
  const message = failure instanceof Error ? failure.message : String(failure);
  if (settings.onPoison === 'stop') {
    throw new ProjectionError(
      'POISON_EVENT',
      name,
      `projection ${JSON.stringify(name)} stopped at position ${position}: applying it failed ` +
        `${settings.maxAttempts} times, the last with: ${message}. Fix the projection and start it again, ` +
        "or run it with onPoison: 'park' to set such events aside",
      { cause: failure },
    );
  }
  await settings.checkpoints.park(
    lease,
    { from, to: position },
    {
      projection: name,
      position,
      events,
      error: message,
      attempts: settings.maxAttempts,
      parkedAt: new Date(settings.clock?.now() ?? Date.now()),
    },
  );
  settings.onParked(position);
  return committed(settings, position);
}

function committed<Tx>(settings: ApplySettings<Tx>, position: number): number {
  settings.onCommitted(position);
  return position;
}

function findApplyFailed(error: unknown): ApplyFailed | undefined {
  for (const cause of causeChain(error)) if (cause instanceof ApplyFailed) return cause;
  return undefined;
}

function byPosition(batch: readonly RecordedEvent[]): RecordedEvent[][] {
  const groups: RecordedEvent[][] = [];
  for (const recorded of batch) {
    const last = groups[groups.length - 1];
    if (last !== undefined && (last[0] as RecordedEvent).position === recorded.position) last.push(recorded);
    else groups.push([recorded]);
  }
  return groups;
}
