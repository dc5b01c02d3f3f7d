import {
  type ActorSnapshot,
  type AnyEvent,
  type Event,
  type EventStoreWithErrors,
  type EventsWithErrors,
  type SnapshotStore,
  VersionConflictError,
  validateSnapshot,
} from '@aether/core';
import {
  assertSnapshotNotAhead,
  checkFromVersion,
  type EventRecord,
  newEventRecordDraft,
  validateEventRecord,
} from '@aether/core/adapter';
import { copySnapshot } from './copies.js';
import { EventColumns } from './event-columns.js';
import { findStart } from './find-start.js';

// One settled promise for every successful save (see saveEvent).
const settled: Promise<void> = Promise.resolve();

/**
 * Events and snapshots in process memory: for tests, demos and single-process tools.
 *
 * - `saveEvent` validates the event, then checks the version and appends in one synchronous step,
 *   so concurrent saves to one actor are atomic: exactly one of several saves of the same version
 *   wins. Appends are O(1) amortised: pushes onto the store's columns (see EventColumns) and onto
 *   the actor's list of positions in them.
 * - Versions must grow but need not be contiguous: `version > latest` is enough.
 * - Reads find their start by binary search and hand out new objects with a fresh `Date`; the
 *   `data` they share with the store is deeply frozen. Nothing a caller does changes history.
 * - Snapshots: one per actor. A snapshot replaces the kept one when its version is the same or
 *   higher; an older snapshot (lower version) is accepted and ignored, so a slow writer can never
 *   move an actor's snapshot backwards.
 */
export class InMemoryEventStore implements EventStoreWithErrors, SnapshotStore {
  readonly #columns = new EventColumns();
  // Per actor, the positions of its events in #columns, in version order.
  readonly #positions = new Map<string, number[]>();
  readonly #snapshots = new Map<string, ActorSnapshot>();
  // Validation writes into this one draft instead of a new record per append: #append copies the
  // fields into the columns at once, in the same synchronous step.
  readonly #draft = newEventRecordDraft();

  // Not `async`: an append is on the hot path, and a shared settled promise is cheaper than the
  // one an async function makes. Errors still arrive as rejections, never as synchronous throws.
  saveEvent(event: AnyEvent): Promise<void> {
    try {
      this.#append(validateEventRecord(event, this.#draft));
      return settled;
    } catch (error) {
      return Promise.reject(error);
    }
  }

  // No await in here: the version check and the append happen in one turn of the event loop, so
  // of several concurrent saves of one version exactly one wins.
  #append(record: EventRecord): void {
    const positions = this.#positions.get(record.actorId);
    if (positions === undefined) {
      this.#positions.set(record.actorId, [this.#columns.append(record)]);
      return;
    }
    const currentVersion = this.#columns.versionAt(positions[positions.length - 1] as number);
    if (record.version <= currentVersion) {
      throw new VersionConflictError({
        actorId: record.actorId,
        attemptedVersion: record.version,
        currentVersion,
      });
    }
    positions.push(this.#columns.append(record));
  }

  async getEvents(actorId: string, fromVersion?: number): Promise<Event[]> {
    return this.#read(actorId, fromVersion);
  }

  async getEventsWithErrors(actorId: string, fromVersion?: number): Promise<EventsWithErrors> {
    // Memory only ever holds validated events, so there is never anything to report.
    return { events: this.#read(actorId, fromVersion), errors: [] };
  }

  async getLatestVersion(actorId: string): Promise<number> {
    return this.#latestVersion(actorId);
  }

  async getLatestSnapshot(actorId: string): Promise<ActorSnapshot | undefined> {
    const snapshot = this.#snapshots.get(actorId);
    return snapshot === undefined ? undefined : copySnapshot(snapshot);
  }

  async saveSnapshot(snapshot: ActorSnapshot): Promise<void> {
    const stored = validateSnapshot(snapshot);
    assertSnapshotNotAhead(stored, this.#latestVersion(stored.actorId));
    const kept = this.#snapshots.get(stored.actorId);
    if (kept === undefined || stored.version >= kept.version) this.#snapshots.set(stored.actorId, stored);
  }

  #read(actorId: string, fromVersion: number | undefined): Event[] {
    const from = checkFromVersion(fromVersion);
    const positions = this.#positions.get(actorId);
    if (positions === undefined) return [];
    const columns = this.#columns;
    const versionAt = (index: number) => columns.versionAt(positions[index] as number);
    const events: Event[] = [];
    for (let index = findStart(positions.length, from, versionAt); index < positions.length; index++) {
      events.push(columns.eventAt(positions[index] as number, actorId));
    }
    return events;
  }

  #latestVersion(actorId: string): number {
    const positions = this.#positions.get(actorId);
    return positions === undefined ? 0 : this.#columns.versionAt(positions[positions.length - 1] as number);
  }
}
