import type { AnyEvent, EventLog, EventSubscription, Position, RecordedEvent } from '@aether/core';
import { isRetryable } from '@aether/core';
import type { Clock } from '@aether/retry';
import type { CheckpointStore, Lease } from '../checkpoints/checkpoint-store.js';
import { findProjectionError, ProjectionError } from '../errors/projection-error.js';
import type { Projection } from '../projection.js';
import { acquireLease } from './acquire-lease.js';
import { applyBatch, type PoisonPolicy } from './apply-batch.js';
import { BatchReader } from './batches.js';
import { keepLease } from './lease-keeper.js';
import { IDLE_CHECK_AFTER_MS, nothingLeftUpTo, watchHead } from './log-head.js';
import { ProgressWaiters } from './progress-waiters.js';
import { checkedPosition, waitTimeout } from './wait-options.js';

/** Where a runner is. */
export type ProjectionState =
  | 'starting'
  | 'standby'
  | 'catching-up'
  | 'live'
  | 'stopping'
  | 'stopped'
  | 'failed';

/** A runner's progress, as `status()` reports it. */
export interface ProjectionStatus {
  readonly projection: string;
  readonly state: ProjectionState;
  /** The committed position: every event up to it has been applied (or parked). */
  readonly position: Position;
  /** The log's head when the runner last looked (about every second). */
  readonly head: Position;
  /** Positions behind the head (`head - position`). */
  readonly lagEvents: number;
  /** Seconds since the oldest event not yet applied was saved (its `timestamp`); 0 when none is in hand. */
  readonly lagSeconds: number;
  /** Events parked by this runner since it started (the store lists every one: `parked()`). */
  readonly parked: number;
  /** This worker's name, the lease's holder. */
  readonly holder: string;
  /** Why it failed, when `state` is `'failed'`. */
  readonly error: string | undefined;
}

/** What a runner was configured with, checked (see `runProjection`). */
export interface RunnerSettings<Tx> {
  projection: Projection<AnyEvent, Tx>;
  checkpoints: CheckpointStore<Tx>;
  batchSize: number;
  holder: string;
  leaseTtlMs: number;
  maxAttempts: number;
  onPoison: PoisonPolicy;
  clock: Clock;
  allowExpiredHistory: boolean;
}

type Outcome = 'stopped' | 'lost' | 'resubscribe';

/**
 * Runs one projection: takes its lease (waiting in standby while another worker holds it),
 * reads its position, follows the log after it and commits each batch with the position through
 * the checkpoint store, renewing the lease as it goes. A lost lease (another worker took over
 * while this one was paused or cut off) sends it back to standby without committing anything
 * more; a log that fails with a retryable error (a server restarting) is followed again from the
 * committed position, after a backoff. See `runProjection`.
 */
export class ProjectionRunner {
  readonly #store: EventLog;
  readonly #settings: RunnerSettings<unknown>;
  readonly #stop = new AbortController();
  readonly #finished: Promise<void>;
  readonly #waiters: ProgressWaiters;
  #state: ProjectionState = 'starting';
  #position: Position = 0;
  #head: Position = 0;
  // The head when the current subscription started: reaching it turns 'catching-up' into 'live'.
  #liveAt: Position | undefined;
  #oldestPendingAt: number | undefined;
  #parked = 0;
  #error: unknown;
  #lease: Lease | undefined;
  #subscription: EventSubscription | undefined;
  #checkingRest = false;
  #positionRead = false;

  constructor(store: EventLog, settings: RunnerSettings<unknown>) {
    this.#store = store;
    this.#settings = settings;
    this.#waiters = new ProgressWaiters(settings.clock);
    this.#finished = this.#run();
  }

  status(): ProjectionStatus {
    const head = Math.max(this.#head, this.#position);
    const oldest = this.#oldestPendingAt;
    return {
      projection: this.#settings.projection.name,
      state: this.#state,
      position: this.#position,
      head,
      lagEvents: head - this.#position,
      lagSeconds: oldest === undefined ? 0 : Math.max(0, (this.#settings.clock.now() - oldest) / 1000),
      parked: this.#parked,
      holder: this.#settings.holder,
      error: this.#error === undefined ? undefined : String((this.#error as Error).message ?? this.#error),
    };
  }

  /**
   * Resolves with the committed position once the runner has applied every event saved before the
   * call (up to the log's head at the call). Rejects with `TIMEOUT` after `timeoutMs` (default
   * 30,000; `Infinity` waits as long as the runner runs) with a message naming the projection, its
   * position and the head, and at once when the runner stops or fails first.
   */
  whenCaughtUp(options: { timeoutMs?: number } = {}): Promise<Position> {
    let timeoutMs: number;
    try {
      timeoutMs = waitTimeout(options);
    } catch (error) {
      return Promise.reject(error);
    }
    const ended = this.#ended();
    if (ended !== undefined) return Promise.reject(ended);
    const wait = this.#waiters.add(timeoutMs, () => this.#timedOut('catch up', timeoutMs));
    this.#store.headPosition().then(
      (head) => {
        this.#head = Math.max(this.#head, head);
        wait.setTarget(head);
        this.#reached(this.#position);
        this.#checkNothingLeft();
      },
      // The log unreachable: wait for what was committed so far, and the timeout tells.
      () => wait.setTarget(this.#head),
    );
    return wait.done;
  }

  /**
   * Resolves once every event up to `position` has been applied and committed (read your writes:
   * pass the position of an event you saved). Rejects as `whenCaughtUp` does.
   */
  async whenProcessed(position: Position, options: { timeoutMs?: number } = {}): Promise<void> {
    const target = checkedPosition(position);
    const timeoutMs = waitTimeout(options);
    if (this.#position >= target) return;
    const ended = this.#ended();
    if (ended !== undefined) throw ended;
    const wait = this.#waiters.add(timeoutMs, () => this.#timedOut(`process position ${target}`, timeoutMs));
    wait.setTarget(target);
    await wait.done;
  }

  /**
   * Applies a parked event again (after the projection was fixed) and forgets it, in one commit
   * under this runner's lease; `false` when no event is parked at `position`. Fails with
   * `LEASE_LOST` when this runner does not hold the lease (another worker runs the projection).
   */
  async replayParked(position: Position): Promise<boolean> {
    const { checkpoints, projection, holder } = this.#settings;
    const lease = this.#lease;
    if (lease === undefined) {
      throw new ProjectionError(
        'LEASE_LOST',
        projection.name,
        `projection ${JSON.stringify(projection.name)}: worker ${JSON.stringify(holder)} does not hold its lease, so it cannot re-play a parked event; ask the worker that runs it`,
      );
    }
    const parked = (await checkpoints.parked(projection.name)).find((entry) => entry.position === position);
    if (parked === undefined) return false;
    const replayed = await checkpoints.unpark(lease, position, (tx) => projection.apply(parked.events, tx));
    if (replayed) this.#parked = Math.max(0, this.#parked - 1);
    return replayed;
  }

  /**
   * Finishes the batch in hand (committed), stops following the log (its subscription closed) and
   * releases the lease. Resolves once all of it is done; calling it again returns the same promise.
   */
  async stop(): Promise<void> {
    if (!this.#stop.signal.aborted) {
      if (this.#state !== 'failed' && this.#state !== 'stopped') this.#state = 'stopping';
      this.#stop.abort();
      await this.#subscription?.close();
    }
    await this.#finished;
  }

  async #run(): Promise<void> {
    const { clock } = this.#settings;
    const signal = this.#stop.signal;
    let resubscribes = 0;
    try {
      while (!signal.aborted) {
        const lease = this.#lease ?? (await this.#acquire());
        if (lease === undefined) break;
        const committedBefore = this.#position;
        const outcome = await this.#follow(lease);
        if (outcome === 'stopped') break;
        if (outcome === 'lost') {
          this.#lease = undefined;
          this.#state = 'standby';
          continue;
        }
        // The log failed and may come back (a server restarting): follow it again after a backoff
        // that grows while nothing gets committed, so a log that stays down is never hammered.
        resubscribes = this.#position > committedBefore ? 1 : resubscribes + 1;
        await clock.sleep(Math.min(100 * 2 ** resubscribes, 5_000), signal).catch(() => undefined);
      }
      if (this.#state !== 'failed') this.#state = 'stopped';
    } catch (error) {
      this.#error = error;
      this.#state = 'failed';
    } finally {
      const lease = this.#lease;
      this.#lease = undefined;
      if (lease !== undefined) await this.#settings.checkpoints.release(lease).catch(() => undefined);
      this.#waiters.rejectAll(this.#ended());
    }
  }

  // The lease, once this worker can have it; `undefined` when stopped first.
  async #acquire(): Promise<Lease | undefined> {
    const { checkpoints, projection, holder, leaseTtlMs, clock } = this.#settings;
    const lease = await acquireLease({
      checkpoints,
      projection: projection.name,
      holder,
      ttlMs: leaseTtlMs,
      clock,
      signal: this.#stop.signal,
      failFast: () => this.#state === 'starting',
      onStandby: () => {
        this.#state = 'standby';
      },
    });
    this.#lease = lease;
    return lease;
  }

  // Follows the log under `lease` until stopped, the lease is lost or the log fails retryably.
  async #follow(lease: Lease): Promise<Outcome> {
    const { checkpoints, projection, batchSize, leaseTtlMs, clock } = this.#settings;
    this.#position = await checkpoints.position(projection.name);
    this.#positionRead = true;
    this.#liveAt = undefined;
    if (this.#state !== 'live') this.#state = 'catching-up';
    this.#reached(this.#position);
    const subscription = this.#store.subscribe({
      after: this.#position,
      allowExpiredHistory: this.#settings.allowExpiredHistory,
      // stop() may come while the position is read, before this subscription exists to be closed.
      signal: this.#stop.signal,
    });
    this.#subscription = subscription;
    void subscription.caughtUp.then(
      (head) => {
        this.#head = Math.max(this.#head, head);
        this.#liveAt = head;
        this.#reached(this.#position);
      },
      () => undefined,
    );
    const kept = keepLease({
      lease,
      ttlMs: leaseTtlMs,
      checkpoints,
      clock,
      until: this.#stop.signal,
      onRenewed: (renewed) => {
        this.#lease = renewed;
      },
      onLost: () => void subscription.close(),
    });
    watchHead(this.#store, clock, kept.signal, (head) => {
      this.#head = Math.max(this.#head, head);
    });
    const types = projection.eventTypes;
    const wanted = types === undefined || types.length === 0 ? undefined : new Set(types);
    const matches = (recorded: RecordedEvent) => wanted === undefined || wanted.has(recorded.event.eventType);
    const reader = new BatchReader(subscription[Symbol.asyncIterator](), batchSize);
    try {
      for (;;) {
        if (kept.lost) return 'lost';
        const batch = await this.#nextBatch(reader);
        if (batch === 'failed') return this.#stop.signal.aborted ? 'stopped' : 'resubscribe';
        if (batch === undefined) return this.#stop.signal.aborted ? 'stopped' : 'lost';
        const end = (batch[batch.length - 1] as RecordedEvent).position;
        this.#oldestPendingAt = (batch[0] as RecordedEvent).event.timestamp.getTime();
        this.#head = Math.max(this.#head, end);
        // The batch in hand is committed, even when stop() was called meanwhile.
        await applyBatch(
          {
            projection,
            checkpoints,
            maxAttempts: this.#settings.maxAttempts,
            onPoison: this.#settings.onPoison,
            clock,
            signal: kept.signal,
            onParked: () => this.#parked++,
            onCommitted: (position) => {
              this.#position = position;
              if (position >= end) this.#oldestPendingAt = undefined;
              this.#reached(position);
            },
          },
          kept.current,
          this.#position,
          batch,
          matches,
        );
        if (this.#stop.signal.aborted) return 'stopped';
      }
    } catch (error) {
      if (findProjectionError(error, 'LEASE_LOST', 'CHECKPOINT_CONFLICT') !== undefined) return 'lost';
      if (kept.lost) return 'lost';
      // stop() while a failing commit waited for its next try: nothing more was committed.
      if (this.#stop.signal.aborted && findProjectionError(error, 'POISON_EVENT') === undefined)
        return 'stopped';
      throw error;
    } finally {
      kept.stop();
      await subscription.close();
      this.#subscription = undefined;
      this.#oldestPendingAt = undefined;
    }
  }

  // The next batch; 'failed' when the log failed with an error worth following it again for.
  async #nextBatch(reader: BatchReader): Promise<RecordedEvent[] | undefined | 'failed'> {
    const next = reader.next();
    // Nothing read ahead: the runner is idle, the moment to tell waiters whether anything is left.
    const idle = await Promise.race([
      next.then(
        () => false,
        () => false,
      ),
      new Promise<boolean>((resolve) => setImmediate(() => resolve(true))),
    ]);
    if (idle) this.#checkNothingLeft();
    try {
      return await next;
    } catch (error) {
      if (isRetryable(error) || this.#stop.signal.aborted) return 'failed';
      throw error;
    }
  }

  // The committed position moved (or was read): wake the waiters it satisfies. Not before the
  // position was read from the checkpoint store: a runner that cannot start has caught up nothing.
  #reached(position: Position): void {
    if (!this.#positionRead) return;
    if (this.#state === 'catching-up' && this.#liveAt !== undefined && position >= this.#liveAt) {
      this.#state = 'live';
    }
    this.#waiters.reached(position, position);
  }

  // When idle, the runner asks the log whether any event is left after its position (see
  // nothingLeftUpTo): a head that holds no event would otherwise keep a waiter waiting in vain.
  // It asks only once it has stayed idle at that position for IDLE_CHECK_AFTER_MS: a waiter for
  // an event just saved is usually served by the subscription within milliseconds, and asking
  // at every idle moment (a head request and a one-event read, a consumer on JetStream) kept the
  // log busy for every read-your-writes wait (the bench's save-to-row latency doubled).
  #checkNothingLeft(): void {
    if (this.#checkingRest || !this.#waiters.waitingPast(this.#position)) return;
    this.#checkingRest = true;
    const from = this.#position;
    this.#settings.clock
      .sleep(IDLE_CHECK_AFTER_MS, this.#stop.signal)
      .then(() =>
        this.#position === from
          ? nothingLeftUpTo(this.#store, from, this.#settings.allowExpiredHistory)
          : undefined,
      )
      .then(
        (upTo) => {
          this.#checkingRest = false;
          // It moved meanwhile: wait again from where it is, as long as a waiter is past it.
          if (upTo === undefined) this.#checkNothingLeft();
          else if (this.#position === from && this.#positionRead) this.#waiters.reached(upTo, from);
        },
        // The log unreachable: the waits end by their timeouts.
        () => {
          this.#checkingRest = false;
        },
      );
  }

  // Why no wait can succeed any more: the runner's failure, or STOPPED; undefined while it runs.
  #ended(): unknown {
    if (this.#error !== undefined) return this.#error;
    if (this.#state !== 'stopped' && !this.#stop.signal.aborted) return undefined;
    return new ProjectionError('STOPPED', this.#settings.projection.name, this.#describe('was stopped'));
  }

  #timedOut(what: string, timeoutMs: number): ProjectionError {
    return new ProjectionError(
      'TIMEOUT',
      this.#settings.projection.name,
      this.#describe(`did not ${what} within ${timeoutMs} ms`),
    );
  }

  #describe(what: string): string {
    const { position, head, state } = this.status();
    return `projection ${JSON.stringify(this.#settings.projection.name)} ${what}: it is at position ${position}, the head at ${head} (state ${state})`;
  }
}
