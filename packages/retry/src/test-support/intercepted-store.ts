import type { AnyEvent, Event, EventStore } from '@aether/core';

/** What to do around one save: `before` it is sent, and `after` it settled, whatever the outcome. */
export interface SaveInterception {
  before(): Promise<void>;
  after(): Promise<void>;
}

/**
 * A store that runs an interception around the save a test picks (the next one), and keeps the
 * error of every save that failed. The integration tests freeze the server around a save with it,
 * so that the save reaches the server but its acknowledgement never reaches the store in time.
 */
export class InterceptedStore implements EventStore {
  readonly failures: unknown[] = [];
  #next: SaveInterception | undefined;

  constructor(readonly inner: EventStore) {}

  interceptNextSave(interception: SaveInterception): void {
    this.#next = interception;
  }

  async saveEvent(event: AnyEvent): Promise<void> {
    const interception = this.#next;
    this.#next = undefined;
    await interception?.before();
    try {
      await this.inner.saveEvent(event);
    } catch (error) {
      this.failures.push(error);
      throw error;
    } finally {
      await interception?.after();
    }
  }

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

/**
 * Lets `parties` callers through together: each call waits until all have called, and the last
 * caller first runs `whenAll` (its failure fails them all).
 */
export function barrier(parties: number, whenAll: () => Promise<void>): () => Promise<void> {
  let arrived = 0;
  let release: (all: Promise<void>) => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return async () => {
    if (++arrived === parties) release(whenAll());
    await released;
  };
}
