import { expect } from 'vitest';
import type { JetStreamEventStore } from '../jetstream-event-store.js';
import type { RacingReport } from './processes/racing-writer.js';

/**
 * Checks what writers racing on one actor must leave behind, whatever the server did: the
 * actor's history holds versions 1..N with no gap and no `ReplayError`; every save acknowledged
 * to a writer is in it exactly once, at the version that writer was told; no version was
 * acknowledged to two writers; and nothing else is in it. Returns the counts, for the test's log.
 */
export async function expectRaceOutcome(
  reader: JetStreamEventStore,
  actorId: string,
  reports: readonly RacingReport[],
): Promise<{ events: number; conflicts: number; rejected: number }> {
  const { events, errors, rejected } = await reader.getEventsWithErrors(actorId);
  expect(errors.map((error) => error.message)).toEqual([]);
  expect(events.map((event) => event.version)).toEqual(events.map((_, index) => index + 1));
  const acked = reports.flatMap((report) => report.acked);
  const ackedVersions = acked.map((save) => save.version);
  expect(new Set(ackedVersions).size, 'a version was acknowledged to two writers').toBe(acked.length);
  const storedVersionOf = new Map(events.map((event) => [event.id, event.version]));
  const missing = acked.filter(({ id, version }) => storedVersionOf.get(id) !== version);
  expect(missing, 'acknowledged saves missing from getEvents at their version').toEqual([]);
  expect(events).toHaveLength(acked.length);
  return {
    events: events.length,
    conflicts: reports.reduce((sum, report) => sum + report.conflicts, 0),
    rejected: rejected?.length ?? 0,
  };
}
