import { type AnyEvent, isRetryable, isVersionConflict } from '@aether/core';

import type { JetStreamEventStore } from '../../jetstream-event-store.js';

/** What one racing writer saw: the saves acknowledged to it, and how often it lost the race. */
export interface RacingReport {
  worker: string;
  /** Every event this writer saw acknowledged, in order, with the version it was saved at. */
  acked: Array<{ id: string; version: number }>;
  /** `VersionConflictError`s: another writer took the version first. */
  conflicts: number;
  /** Retryable errors (timeouts, an election...), each followed by a save of the same event. */
  retryableErrors: number;
  elapsedMs: number;
}

export interface RacingWriterOptions {
  store: JetStreamEventStore;
  actorId: string;
  /** Names this writer's event ids: `<worker>-<n>`. */
  worker: string;
  count: number;
  /** Ends the loop early, between two saves. */
  signal?: AbortSignal;
  /** Called with each acknowledged event (progress, for a test that waits for some). */
  onAck?: (event: AnyEvent) => void;
}

/**
 * Appends `count` events to one actor that other writers append to as well, the way an
 * application does: each event at `getLatestVersion() + 1`, reading the version again after a
 * `VersionConflictError` (the same id: a refused save stored nothing), and sending the very same
 * event again after a retryable error (it may have been stored, and is stored at most once).
 */
export async function racingWriter(options: RacingWriterOptions): Promise<RacingReport> {
  const { store, actorId, worker } = options;
  const started = performance.now();
  const report: RacingReport = { worker, acked: [], conflicts: 0, retryableErrors: 0, elapsedMs: 0 };
  for (let n = 0; n < options.count && options.signal?.aborted !== true; n++) {
    const id = `${worker}-${n}`;
    let event = await nextEvent(store, actorId, id, { worker, n });
    for (;;) {
      try {
        await store.saveEvent(event);
        report.acked.push({ id, version: event.version });
        options.onAck?.(event);
        break;
      } catch (err) {
        if (isVersionConflict(err)) {
          report.conflicts++;
          event = await nextEvent(store, actorId, id, { worker, n });
        } else if (isRetryable(err)) {
          report.retryableErrors++;
          await pause();
        } else {
          throw err;
        }
      }
    }
  }
  report.elapsedMs = Math.round(performance.now() - started);
  return report;
}

async function nextEvent(
  store: JetStreamEventStore,
  actorId: string,
  id: string,
  data: { worker: string; n: number },
): Promise<AnyEvent> {
  for (;;) {
    try {
      const version = (await store.getLatestVersion(actorId)) + 1;
      return { id, eventType: 'Appended', actorId, version, data, timestamp: new Date() };
    } catch (err) {
      if (!isRetryable(err)) throw err;
      await pause();
    }
  }
}

// A retry policy's pause after a retryable failure (an election, a restart), not a wait for a
// condition: there is none to await, and retrying at once would only spin.
function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 25));
}
