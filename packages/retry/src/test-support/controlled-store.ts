import type { AnyEvent, Event, EventStore } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';

/**
 * An in-memory store whose saves a test can hold, fail or watch: `hook` runs before each save
 * and may throw (the save fails, nothing is stored) or wait (the save is in flight meanwhile);
 * `afterSave` runs once the event is stored and may throw too: a save whose acknowledgement was
 * lost.
 */
export class ControlledStore implements EventStore {
  readonly inner = new InMemoryEventStore();
  hook: (event: AnyEvent, call: number) => void | Promise<void> = () => undefined;
  afterSave: (event: AnyEvent, call: number) => void | Promise<void> = () => undefined;
  saveCalls = 0;
  inFlight = 0;
  maxInFlight = 0;

  async saveEvent(event: AnyEvent): Promise<void> {
    const call = ++this.saveCalls;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.hook(event, call);
      await this.inner.saveEvent(event);
      await this.afterSave(event, call);
    } finally {
      this.inFlight--;
    }
  }

  /** Not used by the code under test (it saves one event at a time): straight to the store. */
  saveEvents(events: readonly AnyEvent[]): Promise<void> {
    return this.inner.saveEvents(events);
  }

  getEvents(actorId: string, fromVersion?: number): Promise<Event[]> {
    return this.inner.getEvents(actorId, fromVersion);
  }

  getLatestVersion(actorId: string): Promise<number> {
    return this.inner.getLatestVersion(actorId);
  }
}

/** A promise with its resolve function outside, to hold something until a test lets it go. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
