import { ValidationError } from '@aether/core';
import { ApiCodes, apiCodeOf } from '@aether/nats-support';
import type { JetStreamClient } from '@nats-io/jetstream';
import { type KV, Kvm } from '@nats-io/kv';
import { JetStreamStoreError } from '../errors/store-error.js';
import type { ResolvedConfig } from '../options/resolve-options.js';
import { decodeSnapshot, encodeSnapshot, type StoredSnapshot } from './snapshot-codec.js';

const maxAttempts = 10;

/**
 * The KV bucket with the latest snapshot of each actor, keyed by the actor's encoded id. Created
 * on first use, with the stream's storage and replicas, keeping one value per key.
 */
export class SnapshotBucket {
  readonly #js: JetStreamClient;
  readonly #config: ResolvedConfig;
  readonly #maxPayload: number;
  #kv: Promise<KV> | undefined;

  /** Nothing is sent until the first `get` or `put`. */
  constructor(js: JetStreamClient, options: { config: ResolvedConfig; maxPayload: number }) {
    this.#js = js;
    this.#config = options.config;
    this.#maxPayload = options.maxPayload;
  }

  async get(key: string, actorId: string): Promise<StoredSnapshot | undefined> {
    const entry = await (await this.#bucket()).get(key);
    if (entry === null || entry.operation !== 'PUT') return undefined;
    return decodeSnapshot(entry.value, actorId);
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
      if (kept !== undefined && kept.snapshot.version > stored.snapshot.version) return;
      try {
        if (entry === null) await kv.create(key, value);
        else await kv.update(key, value, entry.revision);
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
      this.#kv = new Kvm(this.#js).create(config.snapshotBucket, {
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
