import type { RecordedEvent } from '@aether/core';
import { decodeEvent, encodeEvent } from '@aether/core/adapter';
import type { ParkedEvent } from '@aether/projections';
import { KvCheckpointError } from '../errors/kv-checkpoint-error.js';

/** The lease key's value. Released, `holder` is null and the token stays, so tokens only grow. */
export interface LeaseRecord {
  holder: string | null;
  fencingToken: number;
  /** Milliseconds since the epoch, by the clock of the worker that took or renewed it. */
  expiresAt: number;
}

/**
 * The position key's value. `fencingToken` is the token of the lease it was last written under:
 * a new holder writes its own token here first, so a commit by an older holder fails its
 * revision check and finds a newer token.
 */
export interface PositionRecord {
  position: number;
  fencingToken: number;
}

interface ParkedRecord {
  position: number;
  error: string;
  attempts: number;
  parkedAt: number;
  events: Array<{ position: number; event: unknown }>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const encodeRecord = (record: LeaseRecord | PositionRecord | ParkedRecord): Uint8Array =>
  encoder.encode(JSON.stringify(record));

export function decodeLease(bytes: Uint8Array, bucket: string, key: string): LeaseRecord {
  const value = parse(bytes, bucket, key);
  if (
    (value.holder !== null && typeof value.holder !== 'string') ||
    !isCount(value.fencingToken) ||
    typeof value.expiresAt !== 'number'
  ) {
    throw corrupt(bucket, key, 'a lease');
  }
  return value as unknown as LeaseRecord;
}

export function decodePosition(bytes: Uint8Array, bucket: string, key: string): PositionRecord {
  const value = parse(bytes, bucket, key);
  if (!isCount(value.position) || !isCount(value.fencingToken)) throw corrupt(bucket, key, 'a position');
  return value as unknown as PositionRecord;
}

export function encodeParked(parked: ParkedEvent): Uint8Array {
  return encodeRecord({
    position: parked.position,
    error: parked.error,
    attempts: parked.attempts,
    parkedAt: parked.parkedAt.getTime(),
    // The event as the stores write it, so decoding validates it the same way.
    events: parked.events.map(({ position, event }) => ({
      position,
      event: JSON.parse(decoder.decode(encodeEvent(event))) as unknown,
    })),
  });
}

export function decodeParked(
  bytes: Uint8Array,
  projection: string,
  bucket: string,
  key: string,
): ParkedEvent {
  const value = parse(bytes, bucket, key) as Partial<ParkedRecord>;
  if (
    !isCount(value.position) ||
    typeof value.error !== 'string' ||
    !isCount(value.attempts) ||
    typeof value.parkedAt !== 'number' ||
    !Array.isArray(value.events)
  ) {
    throw corrupt(bucket, key, 'a parked event');
  }
  let events: RecordedEvent[];
  try {
    events = value.events.map((stored) => ({
      position: stored.position,
      event: decodeEvent(encoder.encode(JSON.stringify(stored.event))),
    }));
  } catch (cause) {
    throw corrupt(bucket, key, 'a parked event', cause);
  }
  return {
    projection,
    position: value.position,
    events,
    error: value.error,
    attempts: value.attempts,
    parkedAt: new Date(value.parkedAt),
  };
}

function parse(bytes: Uint8Array, bucket: string, key: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(decoder.decode(bytes));
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw corrupt(bucket, key, 'JSON');
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function corrupt(bucket: string, key: string, what: string, cause?: unknown): KvCheckpointError {
  return new KvCheckpointError(
    'CORRUPT_ENTRY',
    bucket,
    `projection checkpoints in NATS KV bucket ${JSON.stringify(bucket)}: key ${JSON.stringify(key)} does not hold ${what} ` +
      'written by kvCheckpoints; keep the bucket for checkpoints only, or give kvCheckpoints a bucket of its own',
    cause === undefined ? undefined : { cause },
  );
}
