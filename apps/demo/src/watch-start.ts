import type { Position } from '@aether/core';

/** Where `watch` starts reading a run's log (`--from`). */
export type WatchStart = { kind: 'start' } | { kind: 'end' } | { kind: 'position'; position: Position };

export const WATCH_FROM_DEFAULT: WatchStart = { kind: 'start' };

/** `start`, `end` or a position (1 or more); `undefined` for anything else. */
export function parseWatchStart(text: string): WatchStart | undefined {
  if (text === 'start' || text === 'end') return { kind: text };
  const position = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(position) && position >= 1 ? { kind: 'position', position } : undefined;
}

/** The subscription's `after`: exclusive, so "from position N" reads after N - 1. */
export function afterOf(start: WatchStart): Position | 'end' {
  switch (start.kind) {
    case 'start':
      return 0;
    case 'end':
      return 'end';
    case 'position':
      return start.position - 1;
  }
}

/** For the status line: `from the start`, `from the end`, `from position 12`. */
export function describeWatchStart(start: WatchStart): string {
  return start.kind === 'position' ? `from position ${start.position}` : `from the ${start.kind}`;
}
