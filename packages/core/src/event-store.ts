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
  /**
   * Appends the events of one actor, all or nothing: consecutive versions, the first above the
   * latest (else one `VersionConflictError` for the whole batch), together no larger than
   * `MAX_EVENT_BYTES` (else a `ValidationError`, as for an empty, mixed-actor or gapped batch).
   * They share one position in the log and are always read together. `saveEvent(e)` is
   * `saveEvents([e])`.
   */
  saveEvents(events: readonly AnyEvent[]): Promise<void>;
  /** The actor's events with `version >= fromVersion` (default 1), in ascending version order. */
  getEvents(actorId: string, fromVersion?: number): Promise<Event[]>;
  /** The actor's latest version, 0 when it has no events. */
  getLatestVersion(actorId: string): Promise<number>;
}

/** Events that could be read, and a `ReplayError` for every stored message that could not. */
export interface EventsWithErrors {
  events: Event[];
  errors: ReplayError[];
  /**
   * Stored messages that are not part of the history because their save lost a race between
   * writers (see `RejectedWrite`). Not corruption: their writers were told. Stores that can never
   * hold such messages leave this out.
   */
  rejected?: RejectedWrite[];
}

/**
 * A message a store holds that is not part of the actor's history: a save that lost a race
 * between writers. On a replicated JetStream stream the server can accept two appends that both
 * expected the same predecessor (nats-server issue #4320); the store tells the loser
 * `VersionConflictError` and every reader leaves its message out, by the same rule.
 */
export interface RejectedWrite {
  /** Where the message sits in its store (the JetStream stream sequence). */
  readonly sequenceNumber: number;
  /** The id of the event the losing writer tried to save, when the message decodes. */
  readonly eventId: string | undefined;
  /** The version it tried, when the message decodes. */
  readonly version: number | undefined;
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
