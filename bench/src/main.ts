import { type CliOptions, parseCli, unknownGroups, usage } from './cli.js';
import { groups } from './groups.js';
import { formatSeconds } from './report/format.js';
import type { GroupResult } from './report/results.js';
import { renderText } from './report/text-table.js';
import { writeFiles } from './report/write-files.js';
import { runGroup } from './run/run-group.js';
import { canMeasureHeap } from './run/timing.js';

const groupNames = groups.map((group) => group.name);

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
  const unknown = unknownGroups(options.only, groupNames);
  if (unknown.length > 0) {
    console.error(`Unknown group ${unknown.join(', ')}; groups: ${groupNames.join(', ')}.`);
    return 2;
  }
  if (options.render) {
    writeFiles([], groupNames);
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
  if (options.write) writeFiles(results, groupNames);
  console.error(`\nDone in ${formatSeconds((performance.now() - started) / 1000)}.`);
  return 0;
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
