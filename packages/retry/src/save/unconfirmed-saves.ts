import type { AnyEvent, Event, EventStore } from '@aether/core';
import { mayHaveBeenStored } from './may-have-been-stored.js';

/**
 * Attempts remembered per write, at most; past it the oldest is forgotten. A write makes one
 * save per attempt and retries a bounded number of times (4 by default, 10 in a `RetryQueue`),
 * so only `maxAttempts: Infinity` through a long outage with a fresh id per attempt reaches it.
 */
export const MAX_UNCONFIRMED_ATTEMPTS = 64;

/** A remembered attempt the store turned out to hold: the event as stored, and what the caller noted. */
export interface FoundAttempt<Note> {
  event: Event;
  note: Note;
}

/**
 * The attempts of one write (a `saveWithRetry` call, an event in a `RetryQueue`) whose save failed
 * without the store saying it refused the event (`mayHaveBeenStored`): a timeout or a dropped
 * connection after the server stored the event looks just like one before. Before the write builds
 * its next attempt, `findStored` reads the actor from the lowest version such an attempt tried and
 * looks for their ids, so a write never stores its event a second time (fresh id) or trips over its
 * own event (same id). Store-agnostic: it needs only `getEvents(actorId, fromVersion)`.
 *
 * An attempt is recognised by its id and version together; event ids are unique (the store
 * contract), and an attempt stores the event at the version it was built with.
 */
export class UnconfirmedSaves<Note> {
  // Keyed by version and id; a Map keeps insertion order, so the first key is the oldest attempt.
  readonly #attempts = new Map<string, Note>();
  // Never raised when an attempt is forgotten: reading a few more events costs nothing wrong.
  #fromVersion = Number.POSITIVE_INFINITY;

  /** How many attempts are remembered. */
  get size(): number {
    return this.#attempts.size;
  }

  /**
   * Saves `event`. When the save fails with an error that leaves its outcome unknown, remembers the
   * attempt with `note` (what the caller needs to finish from the stored event) before rethrowing.
   */
  async save(store: EventStore, event: AnyEvent, note: Note): Promise<void> {
    try {
      await store.saveEvent(event);
    } catch (error) {
      if (mayHaveBeenStored(error)) this.#remember(event, note);
      throw error;
    }
  }

  /**
   * The stored event of a remembered attempt, read from the store, or `undefined` when none is
   * stored (yet): the next attempt may go ahead. No read when nothing is remembered.
   */
  async findStored(store: EventStore, actorId: string): Promise<FoundAttempt<Note> | undefined> {
    if (this.#attempts.size === 0) return undefined;
    for (const event of await store.getEvents(actorId, this.#fromVersion)) {
      const key = keyOf(event);
      if (this.#attempts.has(key)) return { event, note: this.#attempts.get(key) as Note };
    }
    return undefined;
  }

  #remember(event: AnyEvent, note: Note): void {
    // A store keeps events only at safe integer versions >= 1; anything else was not stored.
    if (!Number.isSafeInteger(event.version) || event.version < 1) return;
    const key = keyOf(event);
    this.#attempts.delete(key); // the same attempt again moves to the back, as the newest
    this.#attempts.set(key, note);
    if (this.#attempts.size > MAX_UNCONFIRMED_ATTEMPTS) {
      this.#attempts.delete(this.#attempts.keys().next().value as string);
    }
    this.#fromVersion = Math.min(this.#fromVersion, event.version);
  }
}

// The version first: it is a number, so the first space ends it whatever the id holds.
function keyOf(event: AnyEvent): string {
  return `${event.version} ${event.id}`;
}
