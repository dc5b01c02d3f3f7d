import { ValidationError } from '../errors/validation-error.js';
import type { ActorSnapshot } from '../event.js';
import { freezeJsonObject, kindOf } from './freeze-json.js';
import { requireText } from './require-text.js';
import { requireDate, requireVersion } from './validate-event.js';

/** Checks a snapshot and returns a deeply frozen copy of it (see `validateEvent`). */
export function validateSnapshot(snapshot: unknown): ActorSnapshot {
  if (typeof snapshot !== 'object' || snapshot === null) {
    throw new ValidationError('snapshot', `must be an object, got ${kindOf(snapshot)}`);
  }
  const candidate = snapshot as Record<string, unknown>;
  return Object.freeze({
    actorId: requireText(candidate.actorId, 'actorId'),
    version: requireVersion(candidate.version, 'version'),
    state: freezeJsonObject(candidate.state, 'state'),
    timestamp: requireDate(candidate.timestamp, 'timestamp'),
  });
}

/** A snapshot may not claim a version the actor has not reached. */
export function assertSnapshotNotAhead(snapshot: ActorSnapshot, latestVersion: number): void {
  if (snapshot.version > latestVersion) {
    throw new ValidationError(
      'version',
      `snapshot of actor ${JSON.stringify(snapshot.actorId)} is at version ${snapshot.version}, ` +
        `but the actor's latest event is version ${latestVersion}`,
    );
  }
}
