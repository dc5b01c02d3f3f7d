import { ValidationError } from '@aether/core';
import { ApiCodes, apiCodeOf } from '@aether/nats-support';
import type { JetStreamManager } from '@nats-io/jetstream';
import { type KV, Kvm } from '@nats-io/kv';
import type { ConnectionEvents } from '../connection/connection-events.js';
import { JetStreamStoreError } from '../errors/store-error.js';
import type { ResolvedConfig } from '../options/resolve-options.js';
import { decodeSnapshot, encodeSnapshot, type StoredSnapshot } from './snapshot-codec.js';
import { watchKeys } from './snapshot-key-watch.js';
import { SnapshotKeys } from './snapshot-keys.js';

const maxAttempts = 10;

/** What the bucket takes besides its JetStream client. */
export interface SnapshotBucketOptions {
  config: ResolvedConfig;
  maxPayload: number;
  /** The connection's events, which end the key watch when the connection drops. */
  events: ConnectionEvents;
  /** Keys the index of actors with a snapshot holds at most (`SnapshotKeys`); 0 turns it off. */
  indexLimit: number;
  /** A fresh subject under the connection's inbox prefix, for the key watch's messages. */
  inbox: () => string;
}

/**
 * The KV bucket with the latest snapshot of each actor, keyed by the actor's encoded id. Created
 * on first use, with the stream's storage and replicas, keeping one value per key. An index of
 * its keys (`SnapshotKeys`) answers `get` for an actor without a snapshot with no round trip.
 */
export class SnapshotBucket {
  readonly #jsm: JetStreamManager;
  readonly #config: ResolvedConfig;
  readonly #maxPayload: number;
  readonly #keys: SnapshotKeys;
  #kv: Promise<KV> | undefined;

  /** Nothing is sent until the first `get` or `put`. */
  constructor(jsm: JetStreamManager, options: SnapshotBucketOptions) {
    this.#jsm = jsm;
    this.#config = options.config;
    this.#maxPayload = options.maxPayload;
    this.#keys = new SnapshotKeys({
      limit: options.indexLimit,
      events: options.events,
      startWatch: async (handlers) => {
        await this.#bucket();
        const bucket = this.#config.snapshotBucket;
        return watchKeys(this.#jsm, { stream: `KV_${bucket}`, bucket, inbox: options.inbox() }, handlers);
      },
    });
  }

  async get(key: string, actorId: string): Promise<StoredSnapshot | undefined> {
    if (this.#keys.absent(key)) return undefined;
    const entry = await (await this.#bucket()).get(key);
    if (entry === null || entry.operation !== 'PUT') return undefined;
    this.#keys.present(key);
    return decodeSnapshot(entry.value, actorId);
  }

  /** Stops the key watch (and deletes its consumer). */
  close(): Promise<void> {
    return this.#keys.close();
  }

  /**
   * Keeps `stored` unless the bucket already holds a snapshot with a higher version: an older
   * snapshot is accepted and ignored, so a slow writer never moves an actor's snapshot back.
   * Compare-and-set on the key's revision makes that hold for concurrent writers too.
   */
  async put(key: string, stored: StoredSnapshot): Promise<void> {
    const value = encodeSnapshot(stored);
    if (value.length + key.length + 200 > this.#maxPayload) {
      throw new ValidationError(
        'state',
        `the snapshot encodes to ${value.length} bytes, more than the server's max_payload of ${this.#maxPayload} bytes`,
      );
    }
    const kv = await this.#bucket();
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const entry = await kv.get(key);
      const kept =
        entry?.operation === 'PUT' ? decodeSnapshot(entry.value, stored.snapshot.actorId) : undefined;
      if (kept !== undefined && kept.snapshot.version > stored.snapshot.version) {
        this.#keys.present(key);
        return;
      }
      try {
        if (entry === null) await kv.create(key, value);
        else await kv.update(key, value, entry.revision);
        this.#keys.present(key);
        return;
      } catch (err) {
        if (apiCodeOf(err) !== ApiCodes.WrongLastSequence) throw err;
      }
    }
    throw new JetStreamStoreError(
      'CONTENTION',
      `saving the snapshot of actor ${JSON.stringify(stored.snapshot.actorId)} lost the race to other writers ${maxAttempts} times; retrying is safe`,
    );
  }

  #bucket(): Promise<KV> {
    if (this.#kv === undefined) {
      const config = this.#config;
      this.#kv = new Kvm(this.#jsm.jetstream()).create(config.snapshotBucket, {
        history: 1,
        replicas: config.replicas,
        storage: config.storage,
        description: `Aether snapshots of stream ${config.stream}`,
      });
      // A failed creation (say, a timeout) is tried again on the next call.
      this.#kv.catch(() => {
        this.#kv = undefined;
      });
    }
    return this.#kv;
  }
}
