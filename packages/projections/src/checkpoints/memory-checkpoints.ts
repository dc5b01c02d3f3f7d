import type { Position } from '@aether/core';
import { checkpointConflict, leaseLost } from '../errors/projection-error.js';
import type { CheckpointStore, CommitRange, Lease, ParkedEvent } from './checkpoint-store.js';

interface Row {
  position: Position;
  holder: string | undefined;
  fencingToken: number;
  expiresAt: number;
  parked: Map<Position, ParkedEvent>;
}

/**
 * Checkpoints in process memory, for tests and single-process applications. At least once: the
 * batch is applied, then the position recorded; a crash between the two applies it again (and
 * memory does not survive a crash anyway). Leases are judged by `now` (default `Date.now`), so
 * two runners in one process still take turns.
 */
export function memoryCheckpoints(options: { now?: () => number } = {}): CheckpointStore<undefined> {
  const now = options.now ?? Date.now;
  const rows = new Map<string, Row>();
  const row = (projection: string): Row => {
    let found = rows.get(projection);
    if (found === undefined) {
      found = { position: 0, holder: undefined, fencingToken: 0, expiresAt: 0, parked: new Map() };
      rows.set(projection, found);
    }
    return found;
  };
  const current = (lease: Lease): Row => {
    const found = row(lease.projection);
    if (
      found.holder !== lease.holder ||
      found.fencingToken !== lease.fencingToken ||
      found.expiresAt <= now()
    ) {
      throw leaseLost(lease.projection, lease.holder, lease.fencingToken);
    }
    return found;
  };
  const advance = (lease: Lease, range: CommitRange): Row => {
    const found = current(lease);
    if (found.position !== range.from) throw checkpointConflict(lease.projection, range.from, found.position);
    return found;
  };
  const leaseOf = (projection: string, found: Row): Lease => ({
    projection,
    holder: found.holder as string,
    fencingToken: found.fencingToken,
    expiresAt: new Date(found.expiresAt),
  });
  return {
    exactlyOnce: false,
    async acquire(projection, holder, ttlMs) {
      const found = row(projection);
      if (found.holder !== undefined && found.holder !== holder && found.expiresAt > now()) return undefined;
      found.holder = holder;
      found.fencingToken++;
      found.expiresAt = now() + ttlMs;
      return leaseOf(projection, found);
    },
    async renew(lease, ttlMs) {
      try {
        const found = current(lease);
        found.expiresAt = now() + ttlMs;
        return leaseOf(lease.projection, found);
      } catch {
        return undefined;
      }
    },
    async release(lease) {
      const found = row(lease.projection);
      if (found.holder === lease.holder && found.fencingToken === lease.fencingToken) {
        found.holder = undefined;
        found.expiresAt = 0;
      }
    },
    async position(projection) {
      return rows.get(projection)?.position ?? 0;
    },
    async commit(lease, range, apply) {
      advance(lease, range);
      await apply(undefined);
      // The lease is checked again: it may have been lost while apply ran.
      advance(lease, range).position = range.to;
    },
    async park(lease, range, parked) {
      const found = advance(lease, range);
      found.parked.set(parked.position, parked);
      found.position = range.to;
    },
    async parked(projection) {
      return [...(rows.get(projection)?.parked.values() ?? [])].sort((a, b) => a.position - b.position);
    },
    async unpark(lease, position, apply) {
      const found = current(lease);
      if (!found.parked.has(position)) return false;
      await apply(undefined);
      current(lease).parked.delete(position);
      return true;
    },
  };
}
