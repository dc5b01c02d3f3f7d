import { ValidationError } from '@aether/core';

/** Where and how `kvCheckpoints` keeps its bucket. */
export interface KvCheckpointsOptions {
  /** The KV bucket (default `aether-projections`), created on first use when missing. */
  bucket?: string;
  /** Replicas of the bucket's stream (default 1; 3 on a cluster). */
  replicas?: number;
  /** Values kept per key (default 1: only the latest is needed). */
  history?: number;
  /** Where the server keeps the bucket (default `'file'`). */
  storage?: 'file' | 'memory';
  /**
   * How long a request waits for NATS (default 5,000 ms); used when given a `NatsConnection`
   * (a `JetStreamClient` brings its own).
   */
  timeoutMs?: number;
  /**
   * The clock leases are judged by (default `Date.now`): a lease ends at the time its holder's
   * clock wrote in it, so workers' clocks should agree to well within the lease's time to live.
   */
  now?: () => number;
}

/** The defaults of `kvCheckpoints`' options. */
export const KV_CHECKPOINTS_DEFAULTS = Object.freeze({
  bucket: 'aether-projections',
  replicas: 1,
  history: 1,
  storage: 'file' as const,
  timeoutMs: 5_000,
});

export type ResolvedKvOptions = Required<KvCheckpointsOptions>;

const bucketPattern = /^[-\w]{1,200}$/;

export function resolveKvOptions(options: KvCheckpointsOptions = {}): ResolvedKvOptions {
  const bucket = options.bucket ?? KV_CHECKPOINTS_DEFAULTS.bucket;
  if (typeof bucket !== 'string' || !bucketPattern.test(bucket)) {
    throw new ValidationError('bucket', `must be letters, digits, "-" or "_", got ${JSON.stringify(bucket)}`);
  }
  const storage = options.storage ?? KV_CHECKPOINTS_DEFAULTS.storage;
  if (storage !== 'file' && storage !== 'memory') {
    throw new ValidationError('storage', `must be 'file' or 'memory', got ${JSON.stringify(storage)}`);
  }
  const now = options.now ?? Date.now;
  if (typeof now !== 'function')
    throw new ValidationError('now', 'must be a function returning milliseconds');
  return {
    bucket,
    replicas: wholeNumber(options.replicas ?? KV_CHECKPOINTS_DEFAULTS.replicas, 'replicas', 1, 5),
    history: wholeNumber(options.history ?? KV_CHECKPOINTS_DEFAULTS.history, 'history', 1, 64),
    storage,
    timeoutMs: wholeNumber(options.timeoutMs ?? KV_CHECKPOINTS_DEFAULTS.timeoutMs, 'timeoutMs', 1, 600_000),
    now,
  };
}

function wholeNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}
