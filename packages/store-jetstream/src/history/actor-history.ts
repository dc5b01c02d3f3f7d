import { type Event, type RejectedWrite, ReplayError, ValidationError } from '@aether/core';
import { copyBytes } from './copy-bytes.js';
import { decodeStored } from './decode-stored.js';
import { belongsAfter } from './follows.js';

/**
 * One stored message of an actor: a decoded event, the reason it could not be decoded, or a save
 * that lost a race between writers and is not part of the history (see `belongsAfter`). The event
 * is frozen; `time` is its instant, kept apart because its Date may have been handed out.
 */
export type HistoryEntry =
  | { seq: number; event: Event; time: number; error?: undefined; rejected?: undefined }
  | { seq: number; event?: undefined; error: ReplayError; rejected?: undefined }
  | { seq: number; event?: undefined; error?: undefined; rejected: RejectedWrite };

/**
 * What the store knows of an actor's subject, from `firstSeq` up to `lastSeq`. Never mutated but
 * for `unseenFrom`.
 */
export interface ActorHistory {
  /** Stream sequence the read started at (1 = the whole subject). */
  readonly firstSeq: number;
  /** A read with `fromVersion >= coversFromVersion` can be answered from this history. */
  readonly coversFromVersion: number;
  /** The subject's last stream sequence when this was read (0 = empty subject). */
  readonly lastSeq: number;
  /** The highest version seen (or the snapshot version the read started after). */
  readonly lastVersion: number;
  /**
   * Id of the (first) event in the message at `lastSeq`, when it decodes (whether or not it
   * belongs to the history): checks that a cached history is still current.
   */
  readonly lastEventId: string | undefined;
  /**
   * The first `count` items are this history's messages. The array is shared with the histories
   * extended from this one (append-only, like a Go slice), so extending costs O(new messages).
   */
  readonly entries: HistoryEntry[];
  readonly count: number;
  /**
   * Entries from this index on were decoded by the read that returned this object and nobody has
   * seen their events yet: the first `selectFrom` on this object hands those out as they are
   * instead of copying them, and clears it (the only change ever made to a history). The cache
   * keeps the history without it (`seen`), so every later read copies.
   */
  unseenFrom?: number | undefined;
}

/** An empty history starting at `firstSeq`, after version `afterVersion` (0 = from the start). */
export function emptyHistory(firstSeq: number, afterVersion: number): ActorHistory {
  return {
    firstSeq,
    coversFromVersion: afterVersion + 1,
    lastSeq: firstSeq - 1,
    lastVersion: afterVersion,
    lastEventId: undefined,
    entries: [],
    count: 0,
    unseenFrom: undefined,
  };
}

// Entries to append to: the shared array when nothing was appended after this history's end,
// otherwise a copy of this history's part (another history has grown the array differently).
function appendable(history: ActorHistory): HistoryEntry[] {
  return history.entries.length === history.count ? history.entries : history.entries.slice(0, history.count);
}

/**
 * A new history with raw messages (ascending stream sequence) decoded and appended, covering up
 * to `lastSeq`. An event whose version is not above the one before it breaks the actor's order
 * and is reported as a `ReplayError` too.
 */
export function extendHistory(
  history: ActorHistory,
  actorId: string,
  messages: ReadonlyArray<{ seq: number; data: Uint8Array; follows?: number | undefined }>,
  lastSeq: number,
): ActorHistory {
  const extension = new HistoryExtension(history, actorId);
  for (const { seq, data, follows } of messages) extension.add(seq, data, follows);
  return extension.finish(lastSeq);
}

/**
 * `extendHistory` one message at a time, so that a read decodes each message as it arrives, while
 * the server is still sending the next ones. The new entries wait in an array of their own until
 * `finish`: two reads of one actor may run at once, and only `finish`, which runs in one go,
 * touches the array the histories share.
 */
export class HistoryExtension {
  readonly #history: ActorHistory;
  readonly #actorId: string;
  readonly #added: HistoryEntry[] = [];
  #lastVersion: number;
  #lastEventId: string | undefined;
  #lastSeq: number;
  // The history starts after a snapshot, and nothing has been added yet: the first message may
  // hold events saved together that the snapshot covers in part (see `add`).
  #afterSnapshot: boolean;

  constructor(history: ActorHistory, actorId: string) {
    this.#history = history;
    this.#actorId = actorId;
    this.#lastVersion = history.lastVersion;
    this.#lastEventId = history.lastEventId;
    this.#lastSeq = history.lastSeq;
    this.#afterSnapshot = history.count === 0 && history.lastVersion > 0;
  }

  /** The stream sequence after the last message added: where a read that stopped goes on. */
  get nextSeq(): number {
    return this.#lastSeq + 1;
  }

  /**
   * Decodes and adds the message at stream sequence `seq`, the next one on the subject, which
   * follows `follows` (its header; `followsOf`). A message of several events (saved together)
   * adds an entry for each, all at `seq`.
   */
  add(seq: number, data: Uint8Array, follows: number | undefined): void {
    const previousSeq = this.#lastSeq;
    this.#lastSeq = seq;
    const afterSnapshot = this.#afterSnapshot;
    this.#afterSnapshot = false;
    const decoded = decodeStored(data, seq, this.#actorId);
    if (Number.isNaN(follows)) {
      const cause = new ValidationError('Aether-Follows', 'is not a stream sequence below the message');
      this.#addError(seq, data, cause);
      this.#lastEventId = undefined;
    } else if (decoded instanceof ReplayError) {
      this.#added.push({ seq, error: decoded });
      this.#lastEventId = undefined;
    } else {
      // A snapshot taken in the middle of events saved together covers the first of them: its
      // read starts at their message (see `sequenceCovering`), and keeps only the newer ones.
      const events = afterSnapshot ? decoded.filter((event) => event.version > this.#lastVersion) : decoded;
      const first = (events[0] ?? decoded[0]) as Event;
      if (!belongsAfter(previousSeq, follows, seq)) {
        this.#added.push({
          seq,
          rejected: { sequenceNumber: seq, eventId: first.id, version: first.version },
        });
      } else if (first.version <= this.#lastVersion) {
        const cause = new ValidationError(
          'version',
          `${first.version} is not above the previous version ${this.#lastVersion}`,
        );
        this.#addError(seq, data, cause);
      } else {
        for (const event of events) this.#added.push({ seq, event, time: event.timestamp.getTime() });
        this.#lastVersion = (events[events.length - 1] as Event).version;
      }
      // The message's id is its first event's (see `messageIdFor`).
      this.#lastEventId = (decoded[0] as Event).id;
    }
  }

  #addError(seq: number, data: Uint8Array, cause: ValidationError): void {
    this.#added.push({
      seq,
      error: new ReplayError({ sequenceNumber: seq, rawData: copyBytes(data), cause }),
    });
  }

  /** The extended history, covering up to `lastSeq`. */
  finish(lastSeq: number): ActorHistory {
    const history = this.#history;
    const entries = appendable(history);
    for (const entry of this.#added) entries.push(entry);
    return {
      ...history,
      entries,
      count: entries.length,
      lastSeq,
      lastVersion: this.#lastVersion,
      lastEventId: this.#lastEventId,
      unseenFrom: history.count,
    };
  }
}

/** The history as the cache keeps it: every event already handed out (or about to be). */
export function seen(history: ActorHistory): ActorHistory {
  return history.unseenFrom === undefined ? history : { ...history, unseenFrom: undefined };
}

/**
 * A new history with the events this process has just stored at `seq`, in one message (see
 * `ActorCaches.saved`).
 */
export function appendSaved(history: ActorHistory, events: readonly Event[], seq: number): ActorHistory {
  const entries = appendable(history);
  for (const event of events) entries.push({ seq, event, time: event.timestamp.getTime() });
  return {
    ...history,
    unseenFrom: undefined,
    entries,
    count: entries.length,
    lastSeq: seq,
    lastVersion: (events[events.length - 1] as Event).version,
    lastEventId: (events[0] as Event).id,
  };
}

/**
 * The events of the last message of the history that belongs to it (one event, or those saved
 * together), in version order; empty when it has none.
 */
export function lastEvents(history: ActorHistory): Event[] {
  let index = history.count - 1;
  while (index >= 0 && history.entries[index]?.event === undefined) index--;
  if (index < 0) return [];
  const seq = (history.entries[index] as HistoryEntry).seq;
  const events: Event[] = [];
  for (; index >= 0; index--) {
    const entry = history.entries[index] as HistoryEntry;
    if (entry.seq !== seq || entry.event === undefined) break;
    events.unshift(entry.event);
  }
  return events;
}

/**
 * The events with `version >= fromVersion`, and the errors and rejected saves stored after the
 * last event below `fromVersion`. Events are frozen; each comes with a Date of its own, so a caller can never change
 * the cached history: a copy with a fresh Date, except for events just decoded that nobody has seen
 * (`unseenFrom`), handed out as they are (a replay of 10,000 events saves 10,000 copies).
 */
export function selectFrom(
  history: ActorHistory,
  fromVersion: number,
): { events: Event[]; errors: ReplayError[]; rejected: RejectedWrite[] } {
  let start = 0;
  for (let index = history.count - 1; index >= 0; index--) {
    const event = history.entries[index]?.event;
    if (event !== undefined && event.version < fromVersion) {
      start = index + 1;
      break;
    }
  }
  const events: Event[] = [];
  const errors: ReplayError[] = [];
  const rejected: RejectedWrite[] = [];
  const unseenFrom = history.unseenFrom ?? history.count;
  if (history.unseenFrom !== undefined) history.unseenFrom = undefined;
  for (let index = start; index < history.count; index++) {
    const entry = history.entries[index] as HistoryEntry;
    if (entry.event !== undefined) {
      events.push(index >= unseenFrom ? entry.event : copyEvent(entry.event, entry.time));
    } else if (entry.error !== undefined) {
      errors.push(entry.error);
    } else {
      rejected.push(entry.rejected);
    }
  }
  return { events, errors, rejected };
}

function copyEvent(event: Event, time: number): Event {
  const timestamp = new Date(time);
  const { id, eventType, actorId, version, data, metadata } = event;
  return metadata === undefined
    ? { id, eventType, actorId, version, data, timestamp }
    : { id, eventType, actorId, version, data, timestamp, metadata };
}
