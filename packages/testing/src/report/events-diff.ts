import { type ComparedEvent, eventLine } from './describe-events.js';

/**
 * A line-by-line comparison of two event lists, numbered from 1: events that match are shown once,
 * indented; where they differ, the expected event follows `-` and the actual one `+`.
 */
export function eventsDiff(expected: readonly ComparedEvent[], actual: readonly ComparedEvent[]): string {
  const lines = ['  - expected', '  + actual'];
  const length = Math.max(expected.length, actual.length);
  for (let index = 0; index < length; index++) {
    const want = expected[index];
    const got = actual[index];
    const wantLine = want === undefined ? undefined : eventLine(want);
    const gotLine = got === undefined ? undefined : eventLine(got);
    if (wantLine === gotLine) {
      lines.push(`    ${index + 1}. ${wantLine}`);
      continue;
    }
    if (wantLine !== undefined) lines.push(`  - ${index + 1}. ${wantLine}`);
    if (gotLine !== undefined) lines.push(`  + ${index + 1}. ${gotLine}`);
  }
  return lines.join('\n');
}

/** The events as a numbered list, one per line. */
export function eventsList(events: readonly ComparedEvent[]): string {
  return events.map((event, index) => `    ${index + 1}. ${eventLine(event)}`).join('\n');
}
