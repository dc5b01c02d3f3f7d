import { type ErrorKind, errorKind } from '@aether/core/adapter';

/**
 * What went wrong, as a stable code a program can branch on:
 *
 * | code | retryable | meaning |
 * |---|---|---|
 * | `LEASE_LOST` | no | the worker's lease is no longer the current one: another worker took the projection over; this one stops applying |
 * | `CHECKPOINT_CONFLICT` | no | the committed position is not the one the commit started from: two workers committed, which the lease should prevent |
 * | `TIMEOUT` | yes | `whenCaughtUp` or `whenProcessed` did not see the position reached in time |
 * | `POISON_EVENT` | no | an event kept failing and the projection's policy is to stop (`onPoison: 'stop'`) |
 * | `STOPPED` | no | the runner was stopped, or failed, before what was awaited happened |
 */
export type ProjectionErrorCode =
  | 'LEASE_LOST'
  | 'CHECKPOINT_CONFLICT'
  | 'TIMEOUT'
  | 'POISON_EVENT'
  | 'STOPPED';

const retryableCodes: ReadonlySet<ProjectionErrorCode> = new Set(['TIMEOUT']);

/** An error of a projection, its runner or a checkpoint store: see `code`. */
export class ProjectionError extends Error {
  readonly code: ProjectionErrorCode;
  readonly retryable: boolean;
  /** The projection's name. */
  readonly projection: string;

  constructor(code: ProjectionErrorCode, projection: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProjectionError';
    this.code = code;
    this.retryable = retryableCodes.has(code);
    this.projection = projection;
    projectionErrors.mark(this);
  }
}

const projectionErrors: ErrorKind<ProjectionError> = errorKind('@aether/projections.ProjectionError');

/** The `ProjectionError` in `err` or its `cause` chain, from any copy of this package (with one of `codes`). */
export const findProjectionError = (
  err: unknown,
  ...codes: ProjectionErrorCode[]
): ProjectionError | undefined => projectionErrors.find(err, ...codes);

/** True when `err` or an error in its `cause` chain is a `ProjectionError` (with one of `codes`). */
export const isProjectionError = (err: unknown, ...codes: ProjectionErrorCode[]): boolean =>
  projectionErrors.is(err, ...codes);

/** `LEASE_LOST`: the lease `holder` had on `projection` is no longer the current one. */
export function leaseLost(projection: string, holder: string, fencingToken: number): ProjectionError {
  return new ProjectionError(
    'LEASE_LOST',
    projection,
    `projection ${JSON.stringify(projection)}: the lease of ${JSON.stringify(holder)} (fencing token ${fencingToken}) ` +
      'is no longer the current one: another worker has taken the projection over; nothing was committed',
  );
}

/** `CHECKPOINT_CONFLICT`: the committed position is `actual`, not `expected`. */
export function checkpointConflict(projection: string, expected: number, actual: number): ProjectionError {
  return new ProjectionError(
    'CHECKPOINT_CONFLICT',
    projection,
    `projection ${JSON.stringify(projection)}: the committed position is ${actual}, not ${expected} as this commit ` +
      'expected; nothing was committed',
  );
}
