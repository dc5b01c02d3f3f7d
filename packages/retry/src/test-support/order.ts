import type { Event, Reducer } from '@aether/core';

export type LineAdded = Event<'LineAdded', { writer: string; seq: number }>;

/** A state that records, in order, which writer's line each version added. */
export type Lines = { lines: string[] };

export const linesReducer: Reducer<Lines, LineAdded> = (state, event) => ({
  lines: [...state.lines, `${event.data.writer}#${event.data.seq}`],
});

let counter = 0;

export function lineAdded(actorId: string, version: number, writer: string, seq: number): LineAdded {
  return {
    id: `evt-${writer}-${seq}-${++counter}`,
    eventType: 'LineAdded',
    actorId,
    version,
    data: { writer, seq },
    timestamp: new Date(1_700_000_000_000),
  };
}
