import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { renderMarkdown } from './markdown.js';
import { benchDir, ratiosSvgPath, readmePath, resultsDir } from './paths.js';
import { updateReadme } from './readme.js';
import { loadResults, saveResult } from './result-files.js';
import type { GroupResult } from './results.js';
import { renderRatiosSvg } from './svg.js';

/** Saves this run's groups, then rebuilds the README section and chart from every group's latest results. */
export function writeFiles(results: readonly GroupResult[], groupNames: readonly string[]): void {
  const written = results.map((result) => saveResult(resultsDir, result));
  const all = loadResults(resultsDir, groupNames);
  const chart = `![Bar chart of every ratio Aether / peer, log scale](results/ratios.svg)`;
  updateReadme(readmePath, [chart, ...all.map(renderMarkdown)].join('\n\n'));
  writeFileSync(ratiosSvgPath, renderRatiosSvg(all));
  const paths = [...written, readmePath, ratiosSvgPath].map((path) => relative(benchDir, path));
  console.error(`Wrote ${paths.map((path) => `bench/${path}`).join(', ')}.`);
}
