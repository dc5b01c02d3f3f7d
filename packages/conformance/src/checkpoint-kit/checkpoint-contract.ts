import type { AetherError, Position, RecordedEvent } from '@aether/core';
import { type ErrorKind, errorKind } from '@aether/core/adapter';

// The checkpoint-store contract as this suite calls it. `@aether/projections` owns the contract
// (its `CheckpointStore`); this package cannot depend on it, because projections' own tests run
// this suite. So the suite states the shape it calls, and a type test in `@aether/projections`
// (`checkpoint-contract.type.test.ts`) fails to compile when the two drift apart.

/** A lease, as `CheckpointStore` hands it out: see `@aether/projections`. */
export interface LeaseUnderTest {
  readonly projection: string;
  readonly holder: string;
  readonly fencingToken: number;
  readonly expiresAt: Date;
}

/** A parked event, as `CheckpointStore` keeps it: see `@aether/projections`. */
export interface ParkedEventUnderTest {
  readonly projection: string;
  readonly position: Position;
  readonly events: readonly RecordedEvent[];
  readonly error: string;
  readonly attempts: number;
  readonly parkedAt: Date;
}

/** A checkpoint store, of any transaction type, as the suite calls it: see `@aether/projections`. */
export interface CheckpointStoreUnderTest {
  readonly exactlyOnce: boolean;
  acquire(projection: string, holder: string, ttlMs: number): Promise<LeaseUnderTest | undefined>;
  renew(lease: LeaseUnderTest, ttlMs: number): Promise<LeaseUnderTest | undefined>;
  release(lease: LeaseUnderTest): Promise<void>;
  position(projection: string): Promise<Position>;
  commit(
    lease: LeaseUnderTest,
    range: { readonly from: Position; readonly to: Position },
    apply: (tx: unknown) => Promise<void>,
  ): Promise<void>;
  park(
    lease: LeaseUnderTest,
    range: { readonly from: Position; readonly to: Position },
    parked: ParkedEventUnderTest,
  ): Promise<void>;
  parked(projection: string): Promise<ParkedEventUnderTest[]>;
  unpark(lease: LeaseUnderTest, position: Position, apply: (tx: unknown) => Promise<void>): Promise<boolean>;
}

/** The codes of `ProjectionError` the contract requires of a checkpoint store. */
export type CheckpointErrorCode = 'LEASE_LOST' | 'CHECKPOINT_CONFLICT';

interface ProjectionErrorLike extends AetherError {
  readonly code: CheckpointErrorCode;
}

/**
 * `@aether/projections`' `ProjectionError`, recognised as its own `isProjectionError` does: by the
 * brand every copy of that package puts on it (the name is part of that package's contract).
 */
export const projectionErrors: ErrorKind<ProjectionErrorLike> = errorKind(
  '@aether/projections.ProjectionError',
);
