import type { ReplayError } from './errors/replay-error.js';
import type { ActorSnapshot, AnyEvent, Event } from './event.js';

/**
 * Append-only storage of events per actor. There is no update and no delete: events are facts.
 * An unknown actor has version 0 and no events; nothing throws for it.
 */
export interface EventStore {
  /**
   * Appends one event. Throws `VersionConflictError` when `event.version` is not greater than the
   * actor's latest version, and `ValidationError` for a malformed event; nothing is written then.
   */
  saveEvent(event: AnyEvent): Promise<void>;
  /** The actor's events with `version >= fromVersion` (default 1), in ascending version order. */
  getEvents(actorId: string, fromVersion?: number): Promise<Event[]>;
  /** The actor's latest version, 0 when it has no events. */
  getLatestVersion(actorId: string): Promise<number>;
}

/** Events that could be read, and a `ReplayError` for every stored message that could not. */
export interface EventsWithErrors {
  events: Event[];
  errors: ReplayError[];
}

/** A store that reports malformed stored events instead of silently skipping them. */
export interface EventStoreWithErrors extends EventStore {
  getEventsWithErrors(actorId: string, fromVersion?: number): Promise<EventsWithErrors>;
}

/** A store that also keeps the latest snapshot of each actor. */
export interface SnapshotStore extends EventStore {
  /** The actor's latest snapshot, or `undefined` when it has none. */
  getLatestSnapshot(actorId: string): Promise<ActorSnapshot | undefined>;
  /** Saves a snapshot; its version may not be above the actor's latest event (`ValidationError`). */
  saveSnapshot(snapshot: ActorSnapshot): Promise<void>;
}
