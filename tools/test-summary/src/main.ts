#!/usr/bin/env node
// Runs the whole suite (the command given, normally `turbo run ... --continue --summarize`) and
// ends with a summary naming every failing test. Each run writes its Vitest JSON reports into a
// directory of its own, made fresh here and removed afterwards, so a report of an earlier run can
// never be read as this run's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFailures, readNewRunSummary, runSummaryFiles } from './read-run.js';
import { REPORT_DIR_ENV } from './report-file.js';
import { formatSummary } from './summary.js';

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  console.error('usage: test-summary <command> [args...]   (e.g. turbo run test --continue --summarize)');
  process.exit(2);
}
const root = process.cwd();
const runsDir = join(root, '.turbo', 'runs');
const summariesBefore = runSummaryFiles(runsDir);
const reportDir = mkdtempSync(join(tmpdir(), 'aether-test-reports-'));
try {
  const run = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, [REPORT_DIR_ENV]: reportDir },
  });
  if (run.error) throw new Error(`could not run ${command}: ${run.error.message}`);
  const exitCode = run.status ?? 1;
  const failures = readFailures(reportDir, root);
  const lines = formatSummary({ failures, tasks: readNewRunSummary(runsDir, summariesBefore), exitCode });
  console.log(`\n${lines.join('\n')}`);
  process.exitCode = exitCode !== 0 || failures.length > 0 ? exitCode || 1 : 0;
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}
