import {
  type AnyEvent,
  type Event,
  type EventStore,
  isValidationError,
  isVersionConflict,
} from '@aether/core';

/** A batch whose save failed without the store refusing it, and the state it was decided on. */
interface Unconfirmed<State> {
  first: AnyEvent;
  count: number;
  before: State;
}

/** What an earlier attempt turned out to have stored. */
export interface StoredBatch<State> {
  events: Event[];
  before: State;
}

/**
 * The batches of one `handleCommand` call whose `saveEvents` failed with an error that does not
 * say the store refused them (anything but a version conflict or a `ValidationError`): a timeout
 * after the server stored the batch looks just like one before. When `retryOn` lets such an error
 * be retried, the next attempt first looks for those batches (by the first event's version and id;
 * a batch is stored whole or not at all), so the command is never applied twice.
 */
export class UnconfirmedBatches<State> {
  readonly #batches: Unconfirmed<State>[] = [];

  async save(store: EventStore, events: readonly AnyEvent[], before: State): Promise<void> {
    try {
      await store.saveEvents(events);
    } catch (error) {
      const first = events[0];
      if (first !== undefined && !isVersionConflict(error) && !isValidationError(error)) {
        this.#batches.push({ first, count: events.length, before });
      }
      throw error;
    }
  }

  /** The batch of an earlier attempt the store holds, or `undefined` (no read when there is none to look for). */
  async findStored(store: EventStore, actorId: string): Promise<StoredBatch<State> | undefined> {
    if (this.#batches.length === 0) return undefined;
    const from = Math.min(...this.#batches.map((batch) => batch.first.version));
    const stored = await store.getEvents(actorId, from);
    for (const batch of this.#batches) {
      const at = stored.findIndex((event) => event.version === batch.first.version);
      if (at >= 0 && stored[at]?.id === batch.first.id) {
        return { events: stored.slice(at, at + batch.count), before: batch.before };
      }
    }
    return undefined;
  }
}
