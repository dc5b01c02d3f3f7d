import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { type CliOptions, parseCli, usage } from './cli.js';
import { formatSeconds } from './format.js';
import { groups } from './groups.js';
import { renderMarkdown } from './markdown.js';
import { benchDir, ratiosSvgPath, readmePath, resultsDir } from './paths.js';
import { updateReadme } from './readme.js';
import { loadResults, saveResult } from './result-files.js';
import type { GroupResult } from './results.js';
import { runGroup } from './run-group.js';
import { renderRatiosSvg } from './svg.js';
import { renderText } from './text-table.js';
import { canMeasureHeap } from './timing.js';

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (options.help) {
    console.log(usage);
    return 0;
  }
  const unknown = options.only.filter((name) => !groups.some((group) => group.name === name));
  if (unknown.length > 0) {
    console.error(
      `Unknown group ${unknown.join(', ')}; groups: ${groups.map((group) => group.name).join(', ')}.`,
    );
    return 2;
  }
  if (options.render) {
    writeFiles([]);
    return 0;
  }
  if (!canMeasureHeap()) {
    // Without it the memory cases fail and GC noise goes unchecked: never let such a run overwrite results.
    console.error('global.gc() is missing: run `node --expose-gc bench/dist/main.js` (or add --no-write).');
    if (options.write) return 2;
  }
  const selected = groups.filter((group) => options.only.length === 0 || options.only.includes(group.name));
  const started = performance.now();
  const results: GroupResult[] = [];
  for (const group of selected) {
    const result = await runGroup(group);
    if (result !== undefined) results.push(result);
  }
  for (const result of results) console.log(`\n${renderText(result)}`);
  if (options.write) writeFiles(results);
  console.error(`\nDone in ${formatSeconds((performance.now() - started) / 1000)}.`);
  return 0;
}

/** Saves this run's groups, then rebuilds the README section and chart from every group's latest results. */
function writeFiles(results: readonly GroupResult[]): void {
  const written = results.map((result) => saveResult(resultsDir, result));
  const all = loadResults(
    resultsDir,
    groups.map((group) => group.name),
  );
  const chart = `![Bar chart of every ratio Aether / peer, log scale](results/ratios.svg)`;
  updateReadme(readmePath, [chart, ...all.map(renderMarkdown)].join('\n\n'));
  writeFileSync(ratiosSvgPath, renderRatiosSvg(all));
  const paths = [...written, readmePath, ratiosSvgPath].map((path) => relative(benchDir, path));
  console.error(`Wrote ${paths.map((path) => `bench/${path}`).join(', ')}.`);
}

// Stopped with Ctrl-C or `kill`, the bench still leaves through 'exit', where the harness kills
// the nats-server processes it started (by process id): none outlives a stopped run.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => process.exit(code));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
