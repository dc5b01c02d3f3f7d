import { ValidationError } from '@aether/core';
import { snapshotBucketFor, streamNameFor, subjectPrefixFor } from '../subjects/subject-layout.js';
import {
  DEFAULT_JETSTREAM_CONFIG,
  type JetStreamConfig,
  type JetStreamEventStoreOptions,
} from './options.js';

/** The config after checks and defaults, with every derived name. Durations in milliseconds. */
export interface ResolvedConfig {
  /** The store name, as given (`storeName`). */
  storeName: string;
  namespace: string | undefined;
  /** The JetStream stream's name: `<storeName>`, or `<storeName>__<namespace>` with a namespace. */
  stream: string;
  /** Actor subjects are `<subjectPrefix>.<encoded actor id>`. */
  subjectPrefix: string;
  /** The KV bucket holding snapshots. */
  snapshotBucket: string;
  /** 0 = keep for ever. */
  maxAgeMs: number;
  replicas: number;
  storage: 'file' | 'memory';
  duplicateWindowMs: number;
}

/** How many entries the store's caches hold (see `ActorCaches`). */
export interface CacheSizes {
  /** Actors whose latest (version, sequence) the write path remembers. */
  headCacheSize: number;
  /** Total messages of recently read actors the read path keeps. */
  historyCacheSize: number;
  /** Actors with a snapshot the snapshot bucket's key index holds at most; 0 turns it off. */
  snapshotIndexSize: number;
}

/** Every option of a store, after defaults and checks. */
export interface ResolvedOptions {
  config: ResolvedConfig;
  timeoutMs: number;
  cacheSizes: CacheSizes;
}

const minDurationMs = 100; // the server refuses a max_age below 100 ms

/**
 * Applies the defaults to a store's options and checks every one (`ValidationError` naming the
 * field), before anything is sent: the layout (`resolveConfig`), the timeout and the cache sizes.
 */
export function resolveOptions(options: JetStreamEventStoreOptions): ResolvedOptions {
  return {
    config: resolveConfig(options),
    timeoutMs: wholeNumber(options.timeout ?? 5000, 'timeout', 1),
    cacheSizes: {
      headCacheSize: wholeNumber(options.headCacheSize ?? 10_000, 'headCacheSize', 0),
      historyCacheSize: wholeNumber(options.historyCacheSize ?? 100_000, 'historyCacheSize', 0),
      snapshotIndexSize: wholeNumber(options.snapshotIndexSize ?? 100_000, 'snapshotIndexSize', 0),
    },
  };
}

/** Applies the defaults to `options` and checks every value (`ValidationError` naming the field). */
export function resolveConfig(options: Partial<JetStreamConfig> = {}): ResolvedConfig {
  refuseRenamedOptions(options);
  const storeName = options.storeName ?? DEFAULT_JETSTREAM_CONFIG.storeName;
  const namespace = options.namespace;
  const stream = streamNameFor(storeName, namespace);
  const maxAgeMs = resolveMaxAge(options.maxAge ?? DEFAULT_JETSTREAM_CONFIG.maxAge);
  const replicas = options.replicas ?? DEFAULT_JETSTREAM_CONFIG.replicas;
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 5) {
    throw new ValidationError('replicas', `must be an integer from 1 to 5, got ${String(replicas)}`);
  }
  const storage = options.storage ?? DEFAULT_JETSTREAM_CONFIG.storage;
  if (storage !== 'file' && storage !== 'memory') {
    throw new ValidationError('storage', `must be "file" or "memory", got ${JSON.stringify(storage)}`);
  }
  return {
    storeName,
    namespace,
    stream,
    subjectPrefix: subjectPrefixFor(stream),
    snapshotBucket: snapshotBucketFor(stream),
    maxAgeMs,
    replicas,
    storage,
    duplicateWindowMs: resolveDuplicateWindow(options.duplicateWindow, maxAgeMs),
  };
}

function resolveMaxAge(maxAge: number | 'forever'): number {
  if (maxAge === 'forever' || maxAge === 0) return 0;
  if (typeof maxAge !== 'number' || !Number.isSafeInteger(maxAge) || maxAge < minDurationMs) {
    throw new ValidationError(
      'maxAge',
      `must be 'forever', 0 (also for ever) or a whole number of milliseconds >= ${minDurationMs}, got ${String(maxAge)}`,
    );
  }
  return maxAge;
}

// The server refuses a duplicate window longer than max_age. The default shrinks to fit a short
// max_age; an explicit window that does not fit is an error rather than silently changed.
function resolveDuplicateWindow(window: number | undefined, maxAgeMs: number): number {
  if (window === undefined) {
    const fallback = DEFAULT_JETSTREAM_CONFIG.duplicateWindow;
    return maxAgeMs === 0 ? fallback : Math.min(fallback, maxAgeMs);
  }
  if (typeof window !== 'number' || !Number.isSafeInteger(window) || window < minDurationMs) {
    throw new ValidationError(
      'duplicateWindow',
      `must be a whole number of milliseconds >= ${minDurationMs}, got ${String(window)}`,
    );
  }
  if (maxAgeMs !== 0 && window > maxAgeMs) {
    throw new ValidationError(
      'duplicateWindow',
      `${window} ms is longer than maxAge (${maxAgeMs} ms); JetStream refuses that`,
    );
  }
  return window;
}

// `streamName` was renamed `storeName`: it never named the stream once a namespace was given. Left
// unchecked, an old caller's `streamName` would be ignored and its events written to the default
// store, so it is refused with the new name instead.
function refuseRenamedOptions(options: object): void {
  if (Object.hasOwn(options, 'streamName')) {
    throw new ValidationError(
      'streamName',
      'was renamed storeName: pass { storeName } (the store name; the JetStream stream is named from ' +
        'it and the namespace, see store.stream)',
    );
  }
}

function wholeNumber(value: number, field: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new ValidationError(field, `must be a whole number >= ${min}, got ${String(value)}`);
  }
  return value;
}
