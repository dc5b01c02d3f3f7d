import { formatSeconds } from './format.js';
import { machineLine } from './machine-line.js';
import type { GroupResult } from './results.js';
import { footnoteMark, groupTable } from './table.js';

/** The group's table as aligned plain text for the terminal. */
export function renderText(group: GroupResult): string {
  const table = groupTable(group, (result) => result.short);
  const widths = table.header.map((cell, column) =>
    Math.max(width(cell), ...table.rows.map((row) => width(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const pad = ' '.repeat((widths[column] ?? 0) - width(cell));
        return table.numeric[column] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [
    `${group.title} — ${machineLine(group.machine)}; ${group.startedAt}; ${formatSeconds(group.seconds)}`,
    line(table.header),
    widths.map((size) => '-'.repeat(size)).join('  '),
    ...table.rows.map(line),
    ...table.footnotes.map((note, index) => `${footnoteMark(index)} ${note}`),
  ].join('\n');
}

/** Characters as a terminal shows them (the superscript marks are one column each). */
function width(text: string): number {
  return [...text].length;
}
