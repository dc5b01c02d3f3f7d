import { type ActorSnapshot, validateSnapshot } from '@aether/core';
import { assertSnapshotNotAhead } from '@aether/core/adapter';
import { loadHistory, type Reading } from '../read/load-history.js';
import { readHead } from '../read/read-head.js';
import { actorSubject, actorToken, snapshotKeyFor } from '../subjects/subject-layout.js';
import type { SnapshotBucket } from './snapshot-bucket.js';

/** What the snapshot operations take: what reading does, the subjects' prefix and the bucket. */
export interface Snapshotting extends Reading {
  readonly subjectPrefix: string;
  readonly snapshots: SnapshotBucket;
}

/**
 * Saves a snapshot with the stream sequence of the last event it covers, so a later load reads
 * only the events after it. The snapshot may not be ahead of the actor (`ValidationError`).
 */
export async function saveSnapshot(parts: Snapshotting, input: ActorSnapshot): Promise<void> {
  const snapshot = validateSnapshot(input);
  const token = actorToken(snapshot.actorId);
  const subject = actorSubject(parts.subjectPrefix, token);
  const head = await readHead(parts, snapshot.actorId, subject);
  assertSnapshotNotAhead(snapshot, head.version);
  const streamSequence =
    head.version === snapshot.version
      ? head.seq
      : await sequenceCovering(parts, snapshot.actorId, subject, snapshot.version);
  await parts.snapshots.put(snapshotKeyFor(token), { snapshot, streamSequence });
  parts.caches.snapshotSeen(snapshot.actorId, { version: snapshot.version, seq: streamSequence });
}

/** The actor's latest snapshot; remembers where the events after it start. */
export async function getLatestSnapshot(
  parts: Snapshotting,
  actorId: string,
): Promise<ActorSnapshot | undefined> {
  const stored = await parts.snapshots.get(snapshotKeyFor(actorToken(actorId)), actorId);
  if (stored === undefined) return undefined;
  const { snapshot, streamSequence } = stored;
  parts.caches.snapshotSeen(actorId, { version: snapshot.version, seq: streamSequence });
  return { ...snapshot, timestamp: new Date(snapshot.timestamp.getTime()) };
}

// The stream sequence of the last message whose events all have a version <= `version`: the
// messages after it hold the newer events. A snapshot in the middle of events saved together (one
// message) ends before their message; a read from there keeps only the newer ones.
async function sequenceCovering(
  reading: Reading,
  actorId: string,
  subject: string,
  version: number,
): Promise<number> {
  const history = await loadHistory(reading, actorId, subject, 1);
  let covering = 0;
  for (let index = 0; index < history.count; index++) {
    const entry = history.entries[index];
    if (entry?.event === undefined) continue;
    if (entry.event.version > version) break;
    const next = history.entries[index + 1];
    const lastOfMessage = next === undefined || next.seq !== entry.seq;
    if (lastOfMessage) covering = entry.seq;
  }
  return covering;
}
