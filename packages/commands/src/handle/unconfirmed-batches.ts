import {
  type AnyEvent,
  type Event,
  type EventStore,
  isValidationError,
  isVersionConflict,
} from '@aether/core';

/** The actor as a batch was decided on: the state and version it was loaded at. */
export interface Before<State> {
  state: State;
  version: number;
}

/** A batch whose save failed without the store refusing it, and what it was decided on. */
interface Unconfirmed<State> {
  first: AnyEvent;
  count: number;
  before: Before<State>;
}

/** What an earlier attempt turned out to have stored. */
export interface StoredBatch<State> {
  events: Event[];
  before: Before<State>;
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

  /** Keeps the batch whose save failed with `error`, unless the error says the store refused it. */
  note(error: unknown, events: readonly AnyEvent[], before: Before<State>): void {
    const first = events[0];
    if (first !== undefined && !isVersionConflict(error) && !isValidationError(error)) {
      this.#batches.push({ first, count: events.length, before });
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
