import { hostname } from 'node:os';
import { type AnyEvent, type EventLog, ValidationError } from '@aether/core';
import { requireText } from '@aether/core/adapter';
import { type Clock, systemClock } from '@aether/retry';
import type { CheckpointStore } from '../checkpoints/checkpoint-store.js';
import type { Projection } from '../projection.js';
import type { PoisonPolicy } from './apply-batch.js';
import { ProjectionRunner } from './projection-runner.js';
import { DEFAULT_WAIT_TIMEOUT_MS } from './wait-options.js';

/** How a projection runs. */
export interface RunProjectionOptions<Tx> {
  /** Where its position, lease and parked events are kept (`memoryCheckpoints()`, `postgresCheckpoints(pool)`, ...). */
  checkpoints: CheckpointStore<Tx>;
  /** Events per `apply` (default 100); the events saved together are never split, so a batch may hold a few more. */
  batchSize?: number;
  /** This worker's name, the lease's holder. Default: host name, process id and a random suffix. */
  holder?: string;
  /**
   * How long the lease lasts unless renewed (every third of it), in milliseconds; default 15,000.
   * Another worker takes over at most this long after this one dies or is cut off.
   */
  leaseTtlMs?: number;
  /** Tries of a failing batch before it counts as poison (default 5, waits of 100 ms doubling to 5 s). */
  maxAttempts?: number;
  /**
   * What happens to an event that keeps failing: `'stop'` (the default) stops the projection with
   * `POISON_EVENT`, so nothing is skipped; `'park'` sets it aside (listed by the checkpoint store's
   * `parked`, re-played by `runner.replayParked`) and goes on.
   */
  onPoison?: PoisonPolicy;
  /** Where waits are measured (default the system clock); tests pass a `VirtualClock`. */
  clock?: Clock;
  /**
   * When the log's oldest events have expired (JetStream's `maxAge`) and the projection's position
   * is before them, start at the first position the log still has instead of failing with
   * `HistoryExpiredError`. Default false: a projection never skips events silently.
   */
  allowExpiredHistory?: boolean;
}

/** The defaults of `runProjection`'s options. */
export const PROJECTION_DEFAULTS = Object.freeze({
  batchSize: 100,
  leaseTtlMs: 15_000,
  maxAttempts: 5,
  onPoison: 'stop' as PoisonPolicy,
  /** How long `whenCaughtUp` and `whenProcessed` wait unless given a `timeoutMs`. */
  waitTimeoutMs: DEFAULT_WAIT_TIMEOUT_MS,
});

const namePattern = /^[A-Za-z0-9._-]{1,200}$/;

/**
 * Starts keeping `projection`'s read model from `store`'s log: see `ProjectionRunner`. Bad input
 * (a projection without a name or `apply`, a bad option) throws a `ValidationError` at once;
 * trouble reaching the checkpoint store or the log at start fails the runner (`status().state` is
 * `'failed'`, `whenCaughtUp` rejects with the error).
 */
export function runProjection<E extends AnyEvent, Tx>(
  store: EventLog,
  projection: Projection<E, Tx>,
  options: RunProjectionOptions<Tx>,
): ProjectionRunner {
  checkProjection(projection);
  if (typeof store?.subscribe !== 'function' || typeof store.headPosition !== 'function') {
    throw new ValidationError('store', 'must have a log to follow (subscribe and headPosition: an EventLog)');
  }
  const checkpoints = options?.checkpoints;
  if (typeof checkpoints?.commit !== 'function' || typeof checkpoints.acquire !== 'function') {
    throw new ValidationError(
      'checkpoints',
      'must be a checkpoint store, e.g. memoryCheckpoints() or postgresCheckpoints(pool)',
    );
  }
  const onPoison = options.onPoison ?? PROJECTION_DEFAULTS.onPoison;
  if (onPoison !== 'stop' && onPoison !== 'park') {
    throw new ValidationError('onPoison', `must be 'stop' or 'park', got ${JSON.stringify(onPoison)}`);
  }
  return new ProjectionRunner(store, {
    projection: projection as unknown as Projection<AnyEvent, unknown>,
    checkpoints: checkpoints as CheckpointStore<unknown>,
    batchSize: wholeNumber(options.batchSize ?? PROJECTION_DEFAULTS.batchSize, 'batchSize', 1, 10_000),
    holder: requireText(
      options.holder ?? `${hostname()}-${process.pid}-${crypto.randomUUID().slice(0, 8)}`,
      'holder',
    ),
    leaseTtlMs: wholeNumber(
      options.leaseTtlMs ?? PROJECTION_DEFAULTS.leaseTtlMs,
      'leaseTtlMs',
      100,
      3_600_000,
    ),
    maxAttempts: wholeNumber(options.maxAttempts ?? PROJECTION_DEFAULTS.maxAttempts, 'maxAttempts', 1, 1_000),
    onPoison,
    clock: options.clock ?? systemClock,
    allowExpiredHistory: options.allowExpiredHistory === true,
  });
}

function checkProjection(projection: unknown): void {
  const candidate = projection as Partial<Projection> | null | undefined;
  if (typeof candidate !== 'object' || candidate === null) {
    throw new ValidationError('projection', 'must be an object with a name and an apply function');
  }
  if (typeof candidate.name !== 'string' || !namePattern.test(candidate.name)) {
    throw new ValidationError(
      'projection.name',
      `must be 1 to 200 letters, digits, ".", "_" or "-", got ${JSON.stringify(candidate.name)}`,
    );
  }
  if (typeof candidate.apply !== 'function') {
    throw new ValidationError('projection.apply', 'must be a function (batch, tx) => Promise<void>');
  }
  const types = candidate.eventTypes;
  if (
    types !== undefined &&
    (!Array.isArray(types) || types.some((type) => typeof type !== 'string' || type === ''))
  ) {
    throw new ValidationError('projection.eventTypes', 'must be an array of non-empty event types');
  }
}

function wholeNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}
