import { ValidationError } from '@aether/core';
import { DEFAULT_JETSTREAM_CONFIG, type JetStreamConfig } from './config.js';
import { snapshotBucketFor, streamNameFor, subjectPrefixFor } from './naming.js';

/** The config after checks and defaults, with every derived name. Durations in milliseconds. */
export interface ResolvedConfig {
  streamName: string;
  namespace: string | undefined;
  /** The JetStream stream. */
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

const minDurationMs = 100; // the server refuses a max_age below 100 ms

/** Applies the defaults to `options` and checks every value (`ValidationError` naming the field). */
export function resolveConfig(options: Partial<JetStreamConfig> = {}): ResolvedConfig {
  const streamName = options.streamName ?? DEFAULT_JETSTREAM_CONFIG.streamName;
  const namespace = options.namespace;
  const stream = streamNameFor(streamName, namespace);
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
    streamName,
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
