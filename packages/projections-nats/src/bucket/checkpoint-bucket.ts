import { isWrongLastSequence } from '@aether/nats-support';
import { type JetStreamClient, jetstream } from '@nats-io/jetstream';
import { type KV, Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { KvCheckpointError } from '../errors/kv-checkpoint-error.js';
import { toKvCheckpointError } from '../errors/to-kv-checkpoint-error.js';
import type { ResolvedKvOptions } from './options.js';

/** What a revision-checked write met: written (the new revision), or another write came first. */
export type Written = { revision: number } | 'stale';

/** A key's value (none when never written or deleted) and the revision to check the next write against. */
export interface Stored {
  revision: number;
  value: Uint8Array | undefined;
}

/**
 * The checkpoints' KV bucket: created on first use with the options given (or bound when it
 * exists with the same replicas and history), every nats.js failure turned into a one-line
 * `KvCheckpointError`, every write revision-checked.
 */
export class CheckpointBucket {
  readonly #connection: NatsConnection | JetStreamClient;
  readonly #options: ResolvedKvOptions;
  #kv: Promise<KV> | undefined;

  constructor(connection: NatsConnection | JetStreamClient, options: ResolvedKvOptions) {
    this.#connection = connection;
    this.#options = options;
  }

  get name(): string {
    return this.#options.bucket;
  }

  /**
   * The key's value and revision: `value` undefined when the key has none (never written, or
   * deleted); `revision` 0 when it was never written, else the last write's, to check the next.
   */
  async read(key: string): Promise<Stored> {
    const kv = await this.#bucket();
    const entry = await this.#call(`reading ${key}`, () => kv.get(key));
    if (entry === null) return { revision: 0, value: undefined };
    return { revision: entry.revision, value: entry.operation === 'PUT' ? entry.value : undefined };
  }

  /**
   * Writes `value` if the key's revision is still `revision` (0, or a deleted entry's revision:
   * the key has no live value); `'stale'` when another write came first.
   */
  async write(key: string, value: Uint8Array, revision: number): Promise<Written> {
    const kv = await this.#bucket();
    return this.#call(`writing ${key}`, async () => {
      try {
        return { revision: await kv.put(key, value, { previousSeq: revision }) };
      } catch (err) {
        if (isWrongLastSequence(err)) return 'stale';
        throw err;
      }
    });
  }

  /** Writes `value` whatever the key holds (for keys only the lease holder writes); the new revision. */
  async put(key: string, value: Uint8Array): Promise<number> {
    const kv = await this.#bucket();
    return this.#call(`writing ${key}`, () => kv.put(key, value));
  }

  /** Deletes the key if its revision is still `revision`; `'stale'` when another write came first. */
  async delete(key: string, revision: number): Promise<'deleted' | 'stale'> {
    const kv = await this.#bucket();
    return this.#call(`deleting ${key}`, async () => {
      try {
        await kv.delete(key, { previousSeq: revision });
        return 'deleted' as const;
      } catch (err) {
        if (isWrongLastSequence(err)) return 'stale';
        throw err;
      }
    });
  }

  /** The live keys matching `filter` (NATS wildcards). */
  async keys(filter: string): Promise<string[]> {
    const kv = await this.#bucket();
    return this.#call(`listing ${filter}`, async () => {
      const found: string[] = [];
      for await (const key of await kv.keys(filter)) found.push(key);
      return found;
    });
  }

  async #call<T>(doing: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (err) {
      throw toKvCheckpointError(err, this.#options.bucket, doing);
    }
  }

  #bucket(): Promise<KV> {
    if (this.#kv === undefined) {
      this.#kv = this.#call('opening the bucket', () => this.#open());
      // A failed opening (say, a timeout) is tried again on the next call.
      this.#kv.catch(() => {
        this.#kv = undefined;
      });
    }
    return this.#kv;
  }

  async #open(): Promise<KV> {
    const { bucket, replicas, history, storage, timeoutMs } = this.#options;
    const connection = this.#connection;
    const js = 'jetstreamManager' in connection ? connection : jetstream(connection, { timeout: timeoutMs });
    const kv = await new Kvm(js).create(bucket, {
      replicas,
      history,
      storage,
      description: 'Aether projection checkpoints: positions, leases and parked events',
    });
    const status = await kv.status();
    if (status.replicas !== replicas || status.history !== history) {
      throw new KvCheckpointError(
        'BUCKET_CONFIG_CONFLICT',
        bucket,
        `projection checkpoints in NATS KV bucket ${JSON.stringify(bucket)}: the bucket exists with ${status.replicas} ` +
          `replica(s) and history ${status.history}, not ${replicas} and ${history} as asked; pass the bucket's ` +
          'settings, or change the bucket with the nats CLI (it is never changed silently)',
      );
    }
    return kv;
  }
}
