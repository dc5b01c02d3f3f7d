import type { AnyEvent, Event } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';

/** An in-memory store that records each `saveEvents` call and lets a test act just before it. */
export class HookedStore extends InMemoryEventStore {
  readonly saves: AnyEvent[][] = [];
  readonly reads: Array<{ actorId: string; fromVersion: number | undefined }> = [];
  beforeSave: ((events: readonly AnyEvent[]) => Promise<void> | void) | undefined;
  /** When set, reads return this instead of the store's events: a reader that lags behind. */
  staleEvents: Event[] | undefined;

  override async saveEvents(events: readonly AnyEvent[]): Promise<void> {
    this.saves.push([...events]);
    await this.beforeSave?.(events);
    return super.saveEvents(events);
  }

  /** Saves as another writer would: no hook, not recorded. */
  saveDirect(events: readonly AnyEvent[]): Promise<void> {
    return super.saveEvents(events);
  }

  override async getEvents(actorId: string, fromVersion?: number): Promise<Event[]> {
    this.reads.push({ actorId, fromVersion });
    return this.staleEvents ?? super.getEvents(actorId, fromVersion);
  }
}
