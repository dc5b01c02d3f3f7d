import { type ActorSnapshot, validateSnapshot } from '@aether/core';
import { assertSnapshotNotAhead } from '@aether/core/adapter';
import { actorToken, snapshotKeyFor } from '../config/naming.js';
import { type StoreContext, subjectOf } from '../context.js';
import { loadHistory } from '../read/load-history.js';
import { readHead } from '../read/read-head.js';
import type { SnapshotBucket } from './snapshot-bucket.js';

/**
 * Saves a snapshot with the stream sequence of the last event it covers, so a later load reads
 * only the events after it. The snapshot may not be ahead of the actor (`ValidationError`).
 */
export async function saveSnapshot(
  context: StoreContext,
  bucket: SnapshotBucket,
  input: ActorSnapshot,
): Promise<void> {
  const snapshot = validateSnapshot(input);
  const token = actorToken(snapshot.actorId);
  const subject = subjectOf(context, token);
  const head = await readHead(context, snapshot.actorId, subject);
  assertSnapshotNotAhead(snapshot, head.version);
  const streamSequence =
    head.version === snapshot.version
      ? head.seq
      : await sequenceCovering(context, snapshot.actorId, subject, snapshot.version);
  await bucket.put(snapshotKeyFor(token), { snapshot, streamSequence });
  if (streamSequence > 0)
    context.snapshotHints.set(snapshot.actorId, { version: snapshot.version, seq: streamSequence });
}

/** The actor's latest snapshot; remembers where the events after it start. */
export async function getLatestSnapshot(
  context: StoreContext,
  bucket: SnapshotBucket,
  actorId: string,
): Promise<ActorSnapshot | undefined> {
  const stored = await bucket.get(snapshotKeyFor(actorToken(actorId)), actorId);
  if (stored === undefined) return undefined;
  const { snapshot, streamSequence } = stored;
  if (streamSequence > 0)
    context.snapshotHints.set(actorId, { version: snapshot.version, seq: streamSequence });
  return { ...snapshot, timestamp: new Date(snapshot.timestamp.getTime()) };
}

// The stream sequence of the last event with a version <= `version`: events after it are newer.
async function sequenceCovering(
  context: StoreContext,
  actorId: string,
  subject: string,
  version: number,
): Promise<number> {
  const history = await loadHistory(context, actorId, subject, 1);
  let seq = 0;
  for (let index = 0; index < history.count; index++) {
    const entry = history.entries[index];
    if (entry?.event !== undefined && entry.event.version <= version) seq = entry.seq;
  }
  return seq;
}
