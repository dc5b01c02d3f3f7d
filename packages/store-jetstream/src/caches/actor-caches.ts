import type { Event } from '@aether/core';
import { type ActorHistory, appendSaved, seen } from '../history/actor-history.js';
import type { CacheSizes } from '../options/resolve-options.js';
import { LruCache } from './lru-cache.js';

/** The latest (version, stream sequence) of an actor as this process last saw it. */
export interface ActorHead {
  /** The actor's latest version: that of the last message that belongs to its history. */
  version: number;
  /** The subject's last stream sequence (0 = empty): what the next save expects. */
  seq: number;
  /**
   * Whether the message at `seq` belongs to the history, i.e. holds `version`. False when it is
   * a save that lost a race (see `belongsAfter`) or a corrupt message.
   */
  lastBelongs: boolean;
}

/** Where an actor's events after its snapshot start: the snapshot's version and its stream sequence. */
export interface SnapshotHint {
  version: number;
  seq: number;
}

/**
 * What this process remembers of each actor, for the read and the write paths alike, and the
 * only way either changes it: each operation below says what just happened on the server, and
 * keeps the caches consistent with it. Every entry may lag behind the server (another process
 * saved since), never run ahead of it: a stale entry costs a retry or a read, never a lost or
 * duplicated version, and an entry may be dropped at any time.
 *
 * - heads: per actor, the head last saved or read (`ActorHead`), so a save needs no read first;
 * - histories: recently read actors (`ActorHistory`), checked with one get before use;
 * - snapshot hints: where the events after an actor's snapshot start.
 */
export class ActorCaches {
  readonly #heads: LruCache<string, ActorHead>;
  readonly #histories: LruCache<string, ActorHistory>;
  readonly #snapshotHints: LruCache<string, SnapshotHint>;

  constructor(sizes: CacheSizes) {
    this.#heads = new LruCache(sizes.headCacheSize);
    this.#histories = new LruCache(sizes.historyCacheSize, (history) => history.count + 1);
    this.#snapshotHints = new LruCache(sizes.headCacheSize);
  }

  head(actorId: string): ActorHead | undefined {
    return this.#heads.get(actorId);
  }

  history(actorId: string): ActorHistory | undefined {
    return this.#histories.get(actorId);
  }

  snapshotHint(actorId: string): SnapshotHint | undefined {
    return this.#snapshotHints.get(actorId);
  }

  /**
   * This process stored `events` (one, or several saved together) in one message at `seq`,
   * directly after the subject's message at `previousSeq`, and it belongs to the history: it is
   * the actor's head. A cached history that ended at `previousSeq` gains the events; any other is
   * dropped, as it no longer ends where the subject does.
   */
  saved(events: readonly Event[], previousSeq: number, seq: number): void {
    const first = events[0] as Event;
    const version = (events[events.length - 1] as Event).version;
    this.#heads.set(first.actorId, { version, seq, lastBelongs: true });
    const history = this.#histories.get(first.actorId);
    if (history === undefined) return;
    if (history.lastSeq === previousSeq && history.lastVersion < first.version) {
      this.#histories.set(first.actorId, appendSaved(history, events, seq));
    } else {
      this.#histories.delete(first.actorId);
    }
  }

  /**
   * A retried save was acknowledged as the duplicate of the message at `seq`, which holds `events`
   * and belongs to the history. It is the head unless this process knows a later one.
   */
  duplicateConfirmed(events: readonly Event[], seq: number): void {
    const first = events[0] as Event;
    const cached = this.#heads.get(first.actorId);
    if (cached === undefined || cached.seq < seq) {
      const version = (events[events.length - 1] as Event).version;
      this.#heads.set(first.actorId, { version, seq, lastBelongs: true });
    }
  }

  /** The actor's head was read from the server. */
  headRead(actorId: string, head: ActorHead): void {
    this.#heads.set(actorId, { version: head.version, seq: head.seq, lastBelongs: head.lastBelongs });
  }

  /**
   * The actor's history was read from the server (or a cached one extended). The cache keeps it
   * as seen (`seen`): whoever reads it from the cache later gets copies of its events.
   */
  historyRead(actorId: string, history: ActorHistory): void {
    this.#histories.set(actorId, seen(history));
  }

  /**
   * The actor's subject has no message (a new actor, or a stream deleted and created again):
   * nothing remembered of it holds any more.
   */
  subjectEmpty(actorId: string): void {
    this.#heads.delete(actorId);
    this.#histories.delete(actorId);
  }

  /**
   * The actor's snapshot at `hint.version` covers its events up to stream sequence `hint.seq`; a
   * sequence of 0 (unknown) tells nothing.
   */
  snapshotSeen(actorId: string, hint: SnapshotHint): void {
    if (hint.seq > 0) this.#snapshotHints.set(actorId, hint);
  }
}
