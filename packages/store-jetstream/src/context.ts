import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { LruCache } from './cache/lru-cache.js';
import type { ResolvedConfig } from './config/resolve-config.js';
import type { ActorHistory } from './read/actor-history.js';
import type { AckPublisher } from './write/ack-publisher.js';

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

/** Everything the store's parts share once it is open. */
export interface StoreContext {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly config: ResolvedConfig;
  /** The server's max_payload: the largest message (headers included) it accepts. */
  readonly maxPayload: number;
  readonly timeoutMs: number;
  /** Publishes appends and waits for their acks on the store's own reply subscription. */
  readonly publisher: AckPublisher;
  /** Write path: per actor, the head last written or read. May lag; never ahead. */
  readonly heads: LruCache<string, ActorHead>;
  /** Read path: recently read actors, checked with one direct get before use. */
  readonly histories: LruCache<string, ActorHistory>;
  /** Where an actor's events after its snapshot start: (snapshot version, its stream sequence). */
  readonly snapshotHints: LruCache<string, { version: number; seq: number }>;
  /** Consumer deletions still running; `close()` waits for them. */
  readonly background: Set<Promise<unknown>>;
}

/** Subject of an actor, from its (already checked) subject token. */
export function subjectOf(context: StoreContext, token: string): string {
  return `${context.config.subjectPrefix}.${token}`;
}

/** Tracks a background task so that `close()` can wait for it. */
export function track(context: StoreContext, task: Promise<unknown>): void {
  context.background.add(task);
  void task.finally(() => context.background.delete(task));
}
