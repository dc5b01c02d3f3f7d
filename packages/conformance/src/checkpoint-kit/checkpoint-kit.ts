import type { RecordedEvent } from '@aether/core';
import { expect } from 'vitest';
import {
  type CheckpointErrorCode,
  type CheckpointStoreUnderTest,
  type LeaseUnderTest as Lease,
  type ParkedEventUnderTest as ParkedEvent,
  projectionErrors,
} from './checkpoint-contract.js';

/** A checkpoint store of any transaction type, as the suite uses it. */
export type AnyCheckpointStore = CheckpointStoreUnderTest;

/** A long lease: long enough that it never runs out during a test, however busy the machine. */
export const LONG_LEASE_MS = 60_000;

/** The lease `holder` takes on `projection`; fails the test when the store refuses it. */
export async function leaseFor(
  store: AnyCheckpointStore,
  projection: string,
  holder: string,
  ttlMs = LONG_LEASE_MS,
): Promise<Lease> {
  const lease = await store.acquire(projection, holder, ttlMs);
  expect(lease, `${holder} should have got the lease on ${projection}`).toBeDefined();
  return lease as Lease;
}

/**
 * An `apply` that counts its calls and, when told, fails after it was called: the commit must
 * then leave everything as it was.
 */
export function countingApply(fail?: Error): { calls: () => number; apply: (tx: unknown) => Promise<void> } {
  let calls = 0;
  return {
    calls: () => calls,
    apply: async () => {
      calls++;
      if (fail !== undefined) throw fail;
    },
  };
}

/** A `ProjectionError` of `@aether/projections` with `code` (in `error` or its cause chain). */
export function expectProjectionError(error: unknown, code: CheckpointErrorCode): void {
  expect(projectionErrors.is(error, code), `expected a ProjectionError ${code}, got ${String(error)}`).toBe(
    true,
  );
}

/** The events of one position: two saved together, as a parked entry holds them. */
export function eventsAt(actorId: string, position: number): RecordedEvent[] {
  return [1, 2].map((version) => ({
    position,
    event: {
      id: `${actorId}-${version}`,
      eventType: 'ItemAdded',
      actorId,
      version,
      data: { sku: `sku-${version}`, quantity: version, nested: { list: [1, 'two', null] } },
      timestamp: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, version)),
      metadata: { correlationId: `c-${version}` },
    },
  }));
}

/** A parked entry of `projection` at `position`, as the runner hands it to `park`. */
export function parkedAt(projection: string, position: number, actorId: string): ParkedEvent {
  return {
    projection,
    position,
    events: eventsAt(actorId, position),
    error: `cannot apply position ${position}: "quoted" and ünïcode`,
    attempts: 5,
    parkedAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 6)),
  };
}

/**
 * Waits until `holder` gets the lease on `projection` (the current holder's lease runs out), for
 * at most `waitMs`: the condition awaited is the store's own answer, asked again every few
 * milliseconds.
 */
export async function leaseOnceFree(
  store: AnyCheckpointStore,
  projection: string,
  holder: string,
  waitMs: number,
): Promise<Lease> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const lease = await store.acquire(projection, holder, LONG_LEASE_MS);
    if (lease !== undefined) return lease;
    if (Date.now() > deadline)
      throw new Error(`${holder} did not get the lease on ${projection} within ${waitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
