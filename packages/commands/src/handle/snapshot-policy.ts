import { type EventStore, isSnapshotStore } from '@aether/core';
import type { ResolvedHandleOptions } from './options.js';

export interface AfterSave<State> {
  actorId: string;
  state: State;
  version: number;
  /** The snapshot the actor was loaded from, `undefined` when the load started at version 0. */
  loadedFrom: number | undefined;
}

/**
 * "Snapshot every N events": saves the state once N or more events have been added since the
 * snapshot the actor was loaded from. Returns the version of the snapshot it saved, if any. A
 * failure goes to `onSnapshotError` and never fails the command: its events are stored already.
 */
export async function snapshotIfDue<State>(
  store: EventStore,
  saved: AfterSave<State>,
  options: ResolvedHandleOptions,
): Promise<number | undefined> {
  const every = options.snapshotEvery;
  if (every === undefined || !isSnapshotStore(store)) return undefined;
  if (saved.version - (saved.loadedFrom ?? 0) < every) return undefined;
  try {
    await store.saveSnapshot({
      actorId: saved.actorId,
      version: saved.version,
      state: saved.state as Record<string, unknown>,
      timestamp: new Date(options.clock.now()),
    });
    return saved.version;
  } catch (error) {
    options.onSnapshotError?.(error);
    return undefined;
  }
}
