import { isRetryable, isVersionConflict } from '@aether/core';

import type { JetStreamEventStore } from '../jetstream-event-store.js';
import type { CallTracker } from './call-tracker.js';
import { makeEvent } from './nats.js';

export interface WriterOptions {
  store: JetStreamEventStore;
  actorId: string;
  tracker: CallTracker;
  /** Ends the writer once the event being saved is settled. */
  signal: AbortSignal;
}

// A retry policy's pause after a retryable failure, not a wait for a condition: there is none.
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * Races other writers on one actor as an application does: reads the latest version, saves the
 * next one, re-reads after a `VersionConflictError`; a save that fails retryably is made again
 * with the very same event until it is acknowledged or loses the race. Anything else ends it.
 */
export async function racingWriter({ store, actorId, tracker, signal }: WriterOptions): Promise<void> {
  while (!signal.aborted) {
    let version: number;
    try {
      version = await tracker.track({ kind: 'read', actorId }, () => store.getLatestVersion(actorId));
    } catch (err) {
      if (!isRetryable(err)) throw err;
      await pause();
      continue;
    }
    await saveUntilSettled({ store, actorId, tracker }, makeEvent(actorId, version + 1));
  }
}

/** Appends versions 1, 2, 3... to an actor only it writes, retrying each retryable failure with the same event. */
export async function sequentialWriter({ store, actorId, tracker, signal }: WriterOptions): Promise<void> {
  for (let version = 1; !signal.aborted; version++) {
    const settled = await saveUntilSettled({ store, actorId, tracker }, makeEvent(actorId, version));
    if (settled === 'conflict')
      throw new Error(`${actorId} has one writer, yet version ${version} conflicted`);
  }
}

async function saveUntilSettled(
  { store, actorId, tracker }: Omit<WriterOptions, 'signal'>,
  event: ReturnType<typeof makeEvent>,
): Promise<'acked' | 'conflict'> {
  for (;;) {
    try {
      await tracker.track({ kind: 'save', actorId, eventId: event.id, version: event.version }, () =>
        store.saveEvent(event),
      );
      return 'acked';
    } catch (err) {
      if (isVersionConflict(err)) return 'conflict';
      if (!isRetryable(err)) throw err;
      await pause();
    }
  }
}
