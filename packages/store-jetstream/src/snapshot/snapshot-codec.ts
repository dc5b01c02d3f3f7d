import { type ActorSnapshot, validateSnapshot } from '@aether/core';

/** A snapshot as kept in the bucket: with the stream sequence of the last event it covers. */
export interface StoredSnapshot {
  snapshot: ActorSnapshot;
  /** Events after this stream sequence are newer than the snapshot (0 = unknown: read from the start). */
  streamSequence: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeSnapshot(stored: StoredSnapshot): Uint8Array {
  const { actorId, version, state, timestamp } = stored.snapshot;
  return encoder.encode(
    JSON.stringify({
      actorId,
      version,
      state,
      timestamp: timestamp.toISOString(),
      streamSequence: stored.streamSequence,
    }),
  );
}

/** Decodes a bucket value; `undefined` for anything that is not a valid snapshot of `actorId`. */
export function decodeSnapshot(bytes: Uint8Array, actorId: string): StoredSnapshot | undefined {
  try {
    const record = JSON.parse(decoder.decode(bytes)) as Record<string, unknown>;
    if (typeof record.timestamp !== 'string') return undefined;
    const snapshot = validateSnapshot({ ...record, timestamp: new Date(record.timestamp) });
    if (snapshot.actorId !== actorId) return undefined;
    const sequence = record.streamSequence;
    const streamSequence =
      typeof sequence === 'number' && Number.isSafeInteger(sequence) && sequence >= 0 ? sequence : 0;
    return { snapshot, streamSequence };
  } catch {
    return undefined;
  }
}
