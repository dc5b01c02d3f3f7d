import {
  type AnyEvent,
  type Event,
  type EventLog,
  type EventStore,
  type EventStoreWithErrors,
  type EventsWithErrors,
  isSnapshotStore,
  type SnapshotStore,
  ValidationError,
} from '@aether/core';
import type { Upcasters } from '../chain/define-upcasters.js';
import { readAllUpcast } from './read-all.js';
import { snapshotSchemaOf, snapshotsUnder } from './snapshot-schema.js';
import { stamp, stampBatch } from './stamp.js';
import { upcastAll } from './upcast-read.js';
import { UpcastingSubscription } from './upcasting-subscription.js';

/** Options of `withUpcasting`. */
export interface UpcastingOptions {
  /**
   * The version of your reducers' state (default 1). Raise it when a reducer changes what its
   * state holds: snapshots made under another state version are ignored, never misread.
   * (Snapshots made before any event type's schema version changed are ignored too.)
   */
  stateVersion?: number;
}

/**
 * What `withUpcasting` returns for a store `S`: an `EventStoreWithErrors`, plus the log and the
 * snapshot methods and `close()` when `S` has them.
 */
export type UpcastingStore<S extends EventStore> = EventStoreWithErrors &
  (S extends EventLog ? EventLog : unknown) &
  (S extends SnapshotStore ? Pick<SnapshotStore, 'getLatestSnapshot' | 'saveSnapshot'> : unknown) &
  (S extends { close(): Promise<void> } ? { close(): Promise<void> } : unknown);

/**
 * Wraps any `EventStore` so that the code using it sees only current event shapes. Saves are
 * stamped with each type's current schema version (metadata `schemaVersion`; none means 1);
 * every read (`getEvents`, `getEventsWithErrors`, `readAll`, `subscribe`, and so `loadState`,
 * command handlers and projections) upcasts older events through `upcasters` as it reads them.
 * Stored bytes are never rewritten. An event that cannot be upcast (a schema version newer than
 * this code knows, or a failing upcaster) is a `ReplayError` where the store reports those, and
 * the other events stay readable. Snapshots are kept with the schema they were made under and
 * ignored under another one.
 */
export function withUpcasting<S extends EventStore>(
  store: S,
  upcasters: Upcasters,
  options: UpcastingOptions = {},
): UpcastingStore<S> {
  const stateVersion = options.stateVersion ?? 1;
  if (!Number.isSafeInteger(stateVersion) || stateVersion < 1) {
    throw new ValidationError('stateVersion', `must be a safe integer >= 1, got ${String(stateVersion)}`);
  }
  const withErrors = (store as Partial<EventStoreWithErrors>).getEventsWithErrors;
  const wrapped: EventStoreWithErrors = {
    saveEvent: async (event: AnyEvent) => store.saveEvent(stamp(event, upcasters)),
    saveEvents: async (events: readonly AnyEvent[]) => store.saveEvents(stampBatch(events, upcasters)),
    getLatestVersion: (actorId: string) => store.getLatestVersion(actorId),
    async getEvents(actorId: string, fromVersion?: number): Promise<Event[]> {
      // As the stores do with messages they cannot decode: left out here, reported with errors.
      return upcastAll(upcasters, await store.getEvents(actorId, fromVersion)).events;
    },
    async getEventsWithErrors(actorId: string, fromVersion?: number): Promise<EventsWithErrors> {
      const read: EventsWithErrors =
        withErrors === undefined
          ? { events: await store.getEvents(actorId, fromVersion), errors: [] }
          : await withErrors.call(store, actorId, fromVersion);
      const upcasted = upcastAll(upcasters, read.events);
      return { ...read, events: upcasted.events, errors: [...read.errors, ...upcasted.errors] };
    },
  };
  const log = isEventLog(store) ? logMethods(store, upcasters) : {};
  const snapshots = isSnapshotStore(store)
    ? snapshotsUnder(store, snapshotSchemaOf(upcasters, stateVersion))
    : {};
  const closable = store as Partial<{ close(): Promise<void> }>;
  const close = typeof closable.close === 'function' ? { close: () => closable.close?.call(store) } : {};
  return { ...wrapped, ...log, ...snapshots, ...close } as UpcastingStore<S>;
}

function logMethods(log: EventLog, upcasters: Upcasters): EventLog {
  return {
    headPosition: () => log.headPosition(),
    readAll: (options) => readAllUpcast(log, upcasters, options),
    // Not async: the store checks the options and throws at once, as the contract says.
    subscribe: (options) => new UpcastingSubscription(log.subscribe(options), upcasters, options),
  };
}

function isEventLog(store: EventStore): store is EventStore & EventLog {
  const candidate = store as Partial<EventLog>;
  return (
    typeof candidate.readAll === 'function' &&
    typeof candidate.subscribe === 'function' &&
    typeof candidate.headPosition === 'function'
  );
}
