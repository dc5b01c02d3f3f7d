import type { AnyEvent, EventLog, EventSubscription, Position, RecordedEvent } from '@aether/core';
import { isRetryable } from '@aether/core';
import { type Clock, systemClock } from '@aether/retry';
import type { CheckpointStore, Lease } from '../checkpoints/checkpoint-store.js';
import { findProjectionError, ProjectionError } from '../errors/projection-error.js';
import type { Projection } from '../projection.js';
import { applyBatch, type PoisonPolicy } from './apply-batch.js';
import { BatchReader } from './batches.js';

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
  /** The log's head when the runner last looked. */
  readonly head: Position;
  /** Positions behind the head (`head - position`). */
  readonly lagEvents: number;
  /** Seconds since the oldest event not yet applied was saved; 0 when caught up. */
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

/** How often a runner looks at the log's head, for its lag. */
const headEveryMs = 1_000;

interface Waiter {
  position: Position;
  resolve(position: Position): void;
  reject(error: unknown): void;
}

/**
 * Runs one projection: takes its lease (waiting in standby while another worker holds it),
 * reads its position, follows the log after it and commits each batch with the position through
 * the checkpoint store, renewing the lease as it goes. A lost lease (another worker took over
 * while this one was paused or cut off) sends it back to standby without committing anything
 * more. See `runProjection`.
 */
export class ProjectionRunner {
  readonly #store: EventLog;
  readonly #settings: RunnerSettings<unknown>;
  readonly #stop = new AbortController();
  readonly #finished: Promise<void>;
  readonly #waiters = new Set<Waiter>();
  readonly #caughtUpWaiters = new Set<{ resolve(position: Position): void; reject(error: unknown): void }>();
  #state: ProjectionState = 'starting';
  #position: Position = 0;
  #head: Position = 0;
  #caughtUpTo: Position | undefined;
  #oldestPendingAt: number | undefined;
  #parked = 0;
  #error: unknown;
  #lease: Lease | undefined;
  #subscription: EventSubscription | undefined;

  constructor(store: EventLog, settings: RunnerSettings<unknown>) {
    this.#store = store;
    this.#settings = settings;
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
   * Resolves with the committed position once the runner has applied everything up to the head it
   * found when it (last) started following the log; rejects after `timeoutMs` with a message that
   * names the projection, its position and the head, or when the runner stops or fails first.
   */
  whenCaughtUp(options: { timeoutMs?: number } = {}): Promise<Position> {
    if (this.#caughtUpTo !== undefined && this.#position >= this.#caughtUpTo)
      return Promise.resolve(this.#position);
    return this.#wait(this.#caughtUpWaiters, 'catch up', options.timeoutMs);
  }

  /**
   * Resolves once every event up to `position` has been applied and committed (read your writes:
   * pass the position of an event you saved). Rejects after `timeoutMs` as `whenCaughtUp` does.
   */
  whenProcessed(position: Position, options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.#position >= position) return Promise.resolve();
    if (this.#error !== undefined) return Promise.reject(this.#error);
    return new Promise<void>((resolve, reject) => {
      const cancel = this.#timeout(options.timeoutMs, `process position ${position}`, (error) => {
        if (this.#waiters.delete(waiter)) reject(error);
      });
      const waiter: Waiter = {
        position,
        resolve: () => {
          cancel();
          resolve();
        },
        reject: (error) => {
          cancel();
          reject(error);
        },
      };
      this.#waiters.add(waiter);
    });
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
   * Finishes the batch in hand (committed), stops following the log and releases the lease.
   * Resolves once all of it is done; calling it again returns the same promise.
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
    const signal = this.#stop.signal;
    try {
      while (!signal.aborted) {
        const lease = await this.#acquire();
        if (lease === undefined) break;
        const outcome = await this.#follow(lease);
        if (outcome === 'lost') {
          this.#state = 'standby';
          continue;
        }
        break;
      }
      if (this.#state !== 'failed') this.#state = 'stopped';
    } catch (error) {
      this.#fail(error);
    } finally {
      const lease = this.#lease;
      this.#lease = undefined;
      if (lease !== undefined) await this.#settings.checkpoints.release(lease).catch(() => undefined);
      this.#settleWaiters(
        this.#error ??
          new ProjectionError('STOPPED', this.#settings.projection.name, this.#describe('was stopped')),
      );
    }
  }

  // The lease, once this worker can have it; `undefined` when stopped first.
  async #acquire(): Promise<Lease | undefined> {
    const { checkpoints, projection, holder, leaseTtlMs, clock } = this.#settings;
    const signal = this.#stop.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        const lease = await checkpoints.acquire(projection.name, holder, leaseTtlMs);
        if (lease !== undefined) {
          this.#lease = lease;
          return lease;
        }
        this.#state = 'standby';
        failures = 0;
      } catch (error) {
        // An unreachable database or server at the very start is a clear failure, not a wait.
        if (this.#state === 'starting' || !isRetryable(error)) throw error;
        failures++;
      }
      await clock.sleep(Math.min(leaseTtlMs / 3, 250 * 2 ** failures), signal).catch(() => undefined);
    }
    return undefined;
  }

  // Follows the log under `lease` until stopped ('stopped') or the lease is lost ('lost').
  async #follow(lease: Lease): Promise<'stopped' | 'lost'> {
    const { checkpoints, projection, batchSize, leaseTtlMs, clock } = this.#settings;
    this.#position = await checkpoints.position(projection.name);
    this.#notify();
    this.#state = 'catching-up';
    const subscription = this.#store.subscribe({
      after: this.#position,
      allowExpiredHistory: this.#settings.allowExpiredHistory,
    });
    this.#subscription = subscription;
    void subscription.caughtUp.then(
      (head) => {
        this.#caughtUpTo = Math.max(head, this.#caughtUpTo ?? 0);
        this.#head = Math.max(this.#head, head);
        this.#notify();
      },
      () => undefined,
    );
    const renewing = this.#keepLease(lease, leaseTtlMs);
    this.#watchHead(renewing.signal);
    const types = projection.eventTypes;
    const wanted = types === undefined || types.length === 0 ? undefined : new Set(types);
    const matches = (recorded: RecordedEvent) => wanted === undefined || wanted.has(recorded.event.eventType);
    const reader = new BatchReader(subscription[Symbol.asyncIterator](), batchSize);
    try {
      for (;;) {
        if (renewing.lost) return 'lost';
        const batch = await reader.next();
        if (batch === undefined) return this.#stop.signal.aborted ? 'stopped' : 'lost';
        const end = (batch[batch.length - 1] as RecordedEvent).position;
        this.#oldestPendingAt = (batch[0] as RecordedEvent).event.timestamp.getTime();
        this.#head = Math.max(this.#head, end);
        // The batch in hand is committed, even when stop() was called meanwhile.
        this.#position = await applyBatch(
          {
            projection,
            checkpoints,
            maxAttempts: this.#settings.maxAttempts,
            onPoison: this.#settings.onPoison,
            clock,
            signal: renewing.signal,
            onParked: () => this.#parked++,
            onCommitted: (position) => {
              this.#position = position;
              if (position >= end) this.#oldestPendingAt = undefined;
              this.#notify();
            },
          },
          renewing.current,
          this.#position,
          batch,
          matches,
        );
        this.#oldestPendingAt = undefined;
        this.#notify();
        if (this.#stop.signal.aborted) return 'stopped';
      }
    } catch (error) {
      if (findProjectionError(error, 'LEASE_LOST', 'CHECKPOINT_CONFLICT') !== undefined) return 'lost';
      if (renewing.lost) return 'lost';
      throw error;
    } finally {
      renewing.stop();
      await subscription.close();
      this.#subscription = undefined;
      this.#oldestPendingAt = undefined;
    }
  }

  // Renews the lease every third of its time to live; `lost` once it could not be renewed.
  #keepLease(
    lease: Lease,
    ttlMs: number,
  ): { current: Lease; lost: boolean; signal: AbortSignal; stop(): void } {
    const { checkpoints, clock } = this.#settings;
    const ended = new AbortController();
    const onStop = () => ended.abort();
    this.#stop.signal.addEventListener('abort', onStop, { once: true });
    const state = {
      current: lease,
      lost: false,
      signal: ended.signal,
      stop: () => {
        ended.abort();
        this.#stop.signal.removeEventListener('abort', onStop);
      },
    };
    void (async () => {
      while (!ended.signal.aborted) {
        await clock.sleep(ttlMs / 3, ended.signal).catch(() => undefined);
        if (ended.signal.aborted) return;
        const renewed = await checkpoints.renew(state.current, ttlMs).catch(() => state.current);
        if (renewed === undefined) {
          state.lost = true;
          ended.abort();
          await this.#subscription?.close();
          return;
        }
        state.current = renewed;
        this.#lease = renewed;
      }
    })();
    return state;
  }

  // Looks at the log's head every second while following it, for the lag in `status()`.
  #watchHead(signal: AbortSignal): void {
    const { clock } = this.#settings;
    void (async () => {
      while (!signal.aborted) {
        const head = await this.#store.headPosition().catch(() => undefined);
        if (head !== undefined) this.#head = Math.max(this.#head, head);
        await clock.sleep(headEveryMs, signal).catch(() => undefined);
      }
    })();
  }

  #notify(): void {
    if (this.#caughtUpTo !== undefined && this.#position >= this.#caughtUpTo) {
      if (this.#state === 'catching-up') this.#state = 'live';
      for (const waiter of [...this.#caughtUpWaiters]) {
        this.#caughtUpWaiters.delete(waiter);
        waiter.resolve(this.#position);
      }
    }
    for (const waiter of [...this.#waiters]) {
      if (this.#position >= waiter.position) {
        this.#waiters.delete(waiter);
        waiter.resolve(this.#position);
      }
    }
  }

  #wait(
    waiters: Set<{ resolve(position: Position): void; reject(error: unknown): void }>,
    what: string,
    timeoutMs: number | undefined,
  ): Promise<Position> {
    if (this.#error !== undefined) return Promise.reject(this.#error);
    return new Promise<Position>((resolve, reject) => {
      const cancel = this.#timeout(timeoutMs, what, (error) => {
        if (waiters.delete(waiter)) reject(error);
      });
      const waiter = {
        resolve: (position: Position) => {
          cancel();
          resolve(position);
        },
        reject: (error: unknown) => {
          cancel();
          reject(error);
        },
      };
      waiters.add(waiter);
    });
  }

  // Expires a wait after `timeoutMs` (none without it); returns what cancels the timer.
  #timeout(
    timeoutMs: number | undefined,
    what: string,
    expire: (error: ProjectionError) => void,
  ): () => void {
    if (timeoutMs === undefined) return () => undefined;
    const { clock, projection } = this.#settings;
    const cancelled = new AbortController();
    clock.sleep(timeoutMs, cancelled.signal).then(
      () =>
        expire(
          new ProjectionError(
            'TIMEOUT',
            projection.name,
            this.#describe(`did not ${what} within ${timeoutMs} ms`),
          ),
        ),
      () => undefined,
    );
    return () => cancelled.abort();
  }

  #describe(what: string): string {
    const { position, head, state } = this.status();
    return `projection ${JSON.stringify(this.#settings.projection.name)} ${what}: it is at position ${position}, the head at ${head} (state ${state})`;
  }

  #fail(error: unknown): void {
    this.#error = error;
    this.#state = 'failed';
  }

  #settleWaiters(error: unknown): void {
    for (const waiter of [...this.#waiters, ...this.#caughtUpWaiters]) waiter.reject(error);
    this.#waiters.clear();
    this.#caughtUpWaiters.clear();
  }
}
