import type { RecordedEvent } from '@aether/core';
import { decodeEvent } from '@aether/core/adapter';
import type { ParkedEvent } from '@aether/projections';

/** A row of the parked-events table, as pg reads it (`bigint` as text, `jsonb` parsed). */
export interface ParkedRow {
  projection: string;
  position: string;
  events: Array<{ position: number; event: unknown }>;
  error: string;
  attempts: number;
  parked_at: Date;
}

/** The events of a parked entry as the `jsonb` text stored: each event in its wire form (ISO timestamp). */
export function encodeParkedEvents(events: readonly RecordedEvent[]): string {
  return JSON.stringify(events.map(({ position, event }) => ({ position, event })));
}

const utf8 = new TextEncoder();

/** A parked entry read back: every event decoded and validated as the stores decode theirs. */
export function parkedFromRow(row: ParkedRow): ParkedEvent {
  return {
    projection: row.projection,
    position: Number(row.position),
    events: row.events.map(({ position, event }) => ({
      position,
      event: decodeEvent(utf8.encode(JSON.stringify(event))),
    })),
    error: row.error,
    attempts: row.attempts,
    parkedAt: row.parked_at,
  };
}
