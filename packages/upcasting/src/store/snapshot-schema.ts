import type { ActorSnapshot, SnapshotStore } from '@aether/core';
import { validateSnapshot } from '@aether/core';
import type { Upcasters } from '../chain/define-upcasters.js';

/**
 * Snapshots that know what they were made under. A snapshot's state was folded by some reducer
 * from events in some shapes; when either changes, the state may mean something else. So the
 * wrapper stores the state inside an envelope, `{ snapshotSchema, state }`, whose `snapshotSchema`
 * names the `stateVersion` and every event type's current schema version; a snapshot whose
 * envelope names anything else (or that has none: made without the wrapper) is ignored, and the
 * actor is replayed from its events.
 */
export interface SnapshotEnvelope {
  readonly snapshotSchema: string;
  readonly state: Record<string, unknown>;
}

/** The text that a snapshot made now is stamped with. */
export function snapshotSchemaOf(upcasters: Upcasters, stateVersion: number): string {
  const versions = Object.entries(upcasters.currentVersions)
    .filter(([, version]) => version > 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({ stateVersion, events: Object.fromEntries(versions) });
}

/** Snapshot methods over `store` that ignore a snapshot made under another schema. */
export function snapshotsUnder(
  store: SnapshotStore,
  schema: string,
): Pick<SnapshotStore, 'getLatestSnapshot' | 'saveSnapshot'> {
  return {
    async getLatestSnapshot(actorId: string): Promise<ActorSnapshot | undefined> {
      const stored = await store.getLatestSnapshot(actorId);
      const envelope = stored?.state as Partial<SnapshotEnvelope> | undefined;
      if (stored === undefined || envelope?.snapshotSchema !== schema) return undefined;
      const state = envelope.state;
      if (typeof state !== 'object' || state === null) return undefined;
      return { ...stored, state };
    },
    async saveSnapshot(snapshot: ActorSnapshot): Promise<void> {
      // Checked first, so that a bad state's error names `state...`, not the envelope's path.
      const valid = validateSnapshot(snapshot);
      const envelope: SnapshotEnvelope = { snapshotSchema: schema, state: valid.state };
      await store.saveSnapshot({ ...valid, state: { ...envelope } });
    },
  };
}
