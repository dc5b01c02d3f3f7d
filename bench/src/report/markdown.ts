import { formatSeconds } from './format.js';
import { machineLine } from './machine-line.js';
import type { GroupResult } from './results.js';
import { footnoteMark, groupTable } from './table.js';

/** One group's section of the README: when and where, the table, its footnotes and the method. */
export function renderMarkdown(group: GroupResult): string {
  const table = groupTable(group, (result) => result.title);
  const row = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  const rule = `|${table.numeric.map((numeric) => (numeric ? ' --: ' : ' :-- ')).join('|')}|`;
  return [
    `### ${group.title}`,
    '',
    `Measured ${group.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} on ${machineLine(group.machine)}; the group took ${formatSeconds(group.seconds)}.`,
    '',
    row(table.header),
    rule,
    ...table.rows.map(row),
    '',
    ...table.footnotes.map((note, index) => `${footnoteMark(index)} ${note}  `),
    ...(table.footnotes.length > 0 ? [''] : []),
    'How it was measured:',
    '',
    ...group.notes.map((note) => `- ${note}`),
  ].join('\n');
}
