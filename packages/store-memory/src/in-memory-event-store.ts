import {
  type ActorSnapshot,
  type AnyEvent,
  type Event,
  type EventLog,
  type EventStoreWithErrors,
  type EventSubscription,
  type EventsWithErrors,
  type Position,
  type RecordedEvent,
  type SnapshotStore,
  VersionConflictError,
  validateSnapshot,
} from '@aether/core';
import {
  assertSnapshotNotAhead,
  checkFromVersion,
  type EventRecord,
  newEventRecordDraft,
  resolveLogSubscription,
  resolveReadAll,
  validateBatch,
  validateEventRecord,
} from '@aether/core/adapter';
import { copySnapshot } from './copies.js';
import { findStart } from './find-start.js';
import { LogIndex } from './log-index.js';
import { type LogSource, MemoryLogSubscription } from './log-subscription.js';
import { storedEvent } from './stored-event.js';

// One settled promise for every successful save (see saveEvent).
const settled: Promise<void> = Promise.resolve();

// Validation writes into this one draft instead of a new record per append: #append copies the
// fields into the stored event at once, in the same synchronous step, so all stores can share it.
// One per module rather than per store: V8's optimised code holds the draft's shape weakly, and a
// draft that died with its store would take the compiled append path of every store with it.
const draft = newEventRecordDraft();

/**
 * Events and snapshots in process memory: for tests, demos and single-process tools.
 *
 * - `saveEvent` validates the event, then checks the version and appends in one synchronous step,
 *   so concurrent saves to one actor are atomic: exactly one of several saves of the same version
 *   wins. Appends are O(1) amortised: one frozen object per event (see storedEvent), pushed onto
 *   the log's list and the actor's, whose latest version is kept beside it for the check.
 * - Versions must grow but need not be contiguous: `version > latest` is enough.
 * - Reads find their start by binary search and hand out a new array of the stored events, which
 *   are frozen (their `data` and `metadata` deeply) and make a new `Date` at every read of
 *   `timestamp` (and write out a UUID id, kept as numbers, at every read of `id`). Nothing a caller does changes history.
 * - Snapshots: one per actor. A snapshot replaces the kept one when its version is the same or
 *   higher; an older snapshot (lower version) is accepted and ignored, so a slow writer can never
 *   move an actor's snapshot backwards.
 */
export class InMemoryEventStore implements EventStoreWithErrors, SnapshotStore, EventLog {
  // Every event in the order it was appended: the log's slots.
  readonly #events: Event[] = [];
  // Per actor, its events in version order: the same objects as in #events.
  readonly #byActor = new Map<string, ActorHistory>();
  // Which events make up each position of the log.
  readonly #log = new LogIndex();
  // Resolved (and replaced) at the next append: what live subscriptions wait on.
  #nextAppend: { promise: Promise<void>; resolve(): void } | undefined;
  readonly #source: LogSource = {
    head: () => this.#log.head,
    read: (after, last, limit, into) => this.#readLog(after, last, limit, into),
    appended: () => {
      if (this.#nextAppend === undefined) {
        let resolve!: () => void;
        const promise = new Promise<void>((settle) => {
          resolve = settle;
        });
        this.#nextAppend = { promise, resolve };
      }
      return this.#nextAppend.promise;
    },
  };
  readonly #snapshots = new Map<string, ActorSnapshot>();

  // Not `async`: an append is on the hot path, and a shared settled promise is cheaper than the
  // one an async function makes. Errors still arrive as rejections, never as synchronous throws.
  saveEvent(event: AnyEvent): Promise<void> {
    try {
      this.#append(validateEventRecord(event, draft));
      this.#appended(1);
      return settled;
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Appends the events of one actor together (see `EventStore.saveEvents`): they are checked
   * whole before the first is appended, and appended in the same synchronous step, so a reader
   * never sees part of them.
   */
  saveEvents(events: readonly AnyEvent[]): Promise<void> {
    try {
      const records = validateBatch(events);
      const first = records[0] as EventRecord;
      this.#checkVersion(first, this.#latestVersion(first.actorId));
      for (const record of records) this.#append(record);
      this.#appended(records.length);
      return settled;
    } catch (error) {
      return Promise.reject(error);
    }
  }

  // No await in here: the version check and the append happen in one turn of the event loop, so
  // of several concurrent saves of one version exactly one wins.
  #append(record: EventRecord): void {
    const history = this.#byActor.get(record.actorId);
    if (history !== undefined) this.#checkVersion(record, history.version);
    const event = storedEvent(record);
    this.#events.push(event);
    if (history === undefined)
      this.#byActor.set(record.actorId, { events: [event], version: record.version });
    else {
      history.events.push(event);
      history.version = record.version;
    }
  }

  #checkVersion(record: EventRecord, currentVersion: number): void {
    if (record.version <= currentVersion) {
      throw new VersionConflictError({
        actorId: record.actorId,
        attemptedVersion: record.version,
        currentVersion,
      });
    }
  }

  // One save of `count` events is one position of the log; live subscriptions wake.
  #appended(count: number): void {
    this.#log.add(count);
    const waiting = this.#nextAppend;
    if (waiting !== undefined) {
      this.#nextAppend = undefined;
      waiting.resolve();
    }
  }

  async headPosition(): Promise<Position> {
    return this.#log.head;
  }

  /** The log's events after `options.after` (see `EventLog.readAll`); memory never expires any. */
  async readAll(options?: Parameters<EventLog['readAll']>[0]): Promise<RecordedEvent[]> {
    const { after, limit } = resolveReadAll(options);
    const read: RecordedEvent[] = [];
    this.#readLog(after, this.#log.head, limit, read);
    return read;
  }

  // Appends the events of positions after..last to `into`, stopping before a position that would
  // take it past `limit` events (unless it is the first); returns the last position read.
  #readLog(after: Position, last: Position, limit: number, into: RecordedEvent[]): Position {
    const log = this.#log;
    const events = this.#events;
    let position = after;
    while (position < last) {
      const next = position + 1;
      const start = log.start(next);
      const end = log.end(next);
      if (into.length > 0 && into.length + (end - start) > limit) break;
      for (let slot = start; slot < end; slot++) into.push({ event: events[slot] as Event, position: next });
      position = next;
      if (into.length >= limit) break;
    }
    return position;
  }

  /** Follows the log (see `EventLog.subscribe`), woken by appends. */
  subscribe(options?: Parameters<EventLog['subscribe']>[0]): EventSubscription {
    return new MemoryLogSubscription(this.#source, resolveLogSubscription(options));
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
    const history = this.#byActor.get(actorId)?.events;
    if (history === undefined) return [];
    // Shared, frozen events in a new array: a caller may reorder or empty it freely.
    if (from <= 1) return history.slice();
    return history.slice(findStart(history.length, from, (index) => (history[index] as Event).version));
  }

  #latestVersion(actorId: string): number {
    return this.#byActor.get(actorId)?.version ?? 0;
  }
}

/**
 * An actor's events in version order, and the last one's version beside them: the version check
 * of every append reads it here, next to the list it appends to, instead of from the last event,
 * which round-robin appends over many actors rarely find in the CPU's cache.
 */
interface ActorHistory {
  readonly events: Event[];
  version: number;
}
