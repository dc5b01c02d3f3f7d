import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { taskOfReportFile } from './report-file.js';
import { type TaskOutcomes, taskOutcomes } from './turbo-run.js';
import { type Failure, failuresInReport } from './vitest-report.js';

/** The failures in every Vitest JSON report of one run's report directory. */
export function readFailures(reportDir: string, root: string): Failure[] {
  return readdirSync(reportDir).flatMap((fileName) => {
    const taskId = taskOfReportFile(fileName);
    if (taskId === undefined) return [];
    return failuresInReport(taskId, JSON.parse(readFileSync(join(reportDir, fileName), 'utf8')), root);
  });
}

/** The `.json` files in turbo's run-summary directory (none when it does not exist yet). */
export function runSummaryFiles(runsDir: string): Set<string> {
  try {
    return new Set(readdirSync(runsDir).filter((name) => name.endsWith('.json')));
  } catch {
    return new Set();
  }
}

/**
 * The task outcomes of the run summary turbo wrote during this run: the one file that was not there
 * before, so an earlier run's summary is never read. Undefined when there is not exactly one.
 */
export function readNewRunSummary(runsDir: string, before: Set<string>): TaskOutcomes | undefined {
  const added = [...runSummaryFiles(runsDir)].filter((name) => !before.has(name));
  if (added.length !== 1) return undefined;
  return taskOutcomes(JSON.parse(readFileSync(join(runsDir, added[0] as string), 'utf8')));
}
