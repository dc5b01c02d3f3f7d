import { formatRatio } from './format.js';
import { logScale } from './log-scale.js';
import { isBetter, ratioOf } from './ratio.js';
import type { GroupResult } from './results.js';

const width = 960;
const labelRight = 370;
const plotLeft = 390;
const plotRight = 800;
const rowHeight = 24;
const colors = { better: '#2e7d32', worse: '#c62828', grid: '#d0d0d0', text: '#1a1a1a', muted: '#666666' };

type Row =
  | { kind: 'group'; text: string }
  | { kind: 'case'; text: string }
  | { kind: 'bar'; text: string; ratio: number | undefined; better: boolean; capped: boolean };

/**
 * A horizontal bar chart of every ratio Aether / baseline on a log scale, centred on 1×: bars
 * to the right of 1× mean a higher figure than the peer, to the left a lower one. Colour and
 * wording say which is better for that case's metric.
 */
export function renderRatiosSvg(groups: readonly GroupResult[]): string {
  const rows = chartRows(groups);
  const scale = logScale(
    rows.flatMap((row) => (row.kind === 'bar' && row.ratio !== undefined ? [row.ratio] : [])),
    plotLeft,
    plotRight,
  );
  const top = 78;
  const plotBottom = top + rows.length * rowHeight;
  const height = plotBottom + 64;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="13" fill="${colors.text}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(20, 28, 'Aether / peer, per case (log scale)', 'font-size="18" font-weight="bold"'),
    text(
      20,
      50,
      'Throughput: a bar right of 1× means Aether is faster. Memory: a bar left of 1× means Aether uses less.',
      `fill="${colors.muted}"`,
    ),
    text(
      20,
      68,
      'Green: Aether better. Red: Aether worse. * some runs stopped at their time cap (see the footnotes in bench/README.md).',
      `fill="${colors.muted}"`,
    ),
  ];
  for (const tick of scale.ticks) {
    const x = scale.x(tick).toFixed(1);
    const stroke = tick === 1 ? `stroke="${colors.text}" stroke-width="1.5"` : `stroke="${colors.grid}"`;
    parts.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${plotBottom}" ${stroke}/>`);
    parts.push(
      text(Number(x), plotBottom + 18, formatRatio(tick), `text-anchor="middle" fill="${colors.muted}"`),
    );
  }
  rows.forEach((row, index) => {
    parts.push(...drawRow(row, top + index * rowHeight, scale.x));
  });
  parts.push(
    text(
      width / 2,
      plotBottom + 44,
      'ratio Aether / peer (log scale)',
      `text-anchor="middle" fill="${colors.muted}"`,
    ),
  );
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function chartRows(groups: readonly GroupResult[]): Row[] {
  return groups.flatMap((group): Row[] => [
    {
      kind: 'group',
      text: `${group.title} — ${group.startedAt.slice(0, 10)}, ${group.machine.cpu}, ${group.machine.cores} cores, Node ${group.machine.node}`,
    },
    ...group.cases.flatMap((result): Row[] => [
      { kind: 'case', text: `${result.short} (${result.metric.unit}, ${result.metric.better} is better)` },
      ...result.baselines.map((baseline): Row => {
        const ratio = ratioOf(result.subject.median, baseline.median);
        return {
          kind: 'bar',
          text: `vs ${baseline.name}`,
          ratio,
          better: ratio !== undefined && isBetter(ratio, result.metric),
          capped: baseline.capped !== undefined || result.subject.capped !== undefined,
        };
      }),
    ]),
  ]);
}

function drawRow(row: Row, y: number, x: (ratio: number) => number): string[] {
  const middle = y + rowHeight / 2 + 4;
  if (row.kind === 'group') return [text(20, middle, row.text, 'font-size="15" font-weight="bold"')];
  if (row.kind === 'case') return [text(28, middle, row.text, 'font-weight="bold"')];
  const label = text(labelRight, middle, row.text, 'text-anchor="end"');
  if (row.ratio === undefined) return [label, text(plotLeft, middle, 'no figure', `fill="${colors.muted}"`)];
  const one = x(1);
  const end = x(row.ratio);
  const color = row.better ? colors.better : colors.worse;
  const verdict = `${formatRatio(row.ratio)}${row.capped ? '*' : ''} · Aether ${row.better ? 'better' : 'worse'}`;
  return [
    label,
    `<rect x="${Math.min(one, end).toFixed(1)}" y="${y + 5}" width="${Math.max(1, Math.abs(end - one)).toFixed(1)}" height="${rowHeight - 10}" fill="${color}"/>`,
    text(Math.max(one, end) + 6, middle, verdict, `fill="${color}"`),
  ];
}

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attributes}>${escapeXml(content)}</text>`;
}

function escapeXml(content: string): string {
  return content
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
