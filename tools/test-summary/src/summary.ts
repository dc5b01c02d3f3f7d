import type { TaskOutcomes } from './turbo-run.js';
import type { Failure } from './vitest-report.js';

/** Everything the summary says about one run. */
export interface RunResult {
  /** Failures read from this run's Vitest JSON reports. */
  failures: Failure[];
  /** The task outcomes from turbo's run summary, or undefined when turbo wrote none. */
  tasks: TaskOutcomes | undefined;
  /** The exit code of the command that ran the suite. */
  exitCode: number;
}

function describeFailure(failure: Failure): string {
  if (failure.kind === 'test') return `  FAIL ${failure.file} > ${failure.name}`;
  return `  FAIL ${failure.file} (the file did not run: ${failure.message.split('\n')[0]})`;
}

/**
 * The closing lines of a run: every failing test (file and full name), every failed task that no
 * failing test explains (lint, build, typecheck, or a test run that failed outside any test), and
 * how many tasks could not run. Nothing about what passed.
 */
export function formatSummary({ failures, tasks, exitCode }: RunResult): string[] {
  const explained = new Set(failures.map((failure) => failure.taskId));
  const unexplained = (tasks?.failed ?? []).filter((taskId) => !explained.has(taskId));
  const notRun = tasks?.notRun ?? [];
  if (failures.length === 0 && unexplained.length === 0 && exitCode === 0)
    return ['Test summary: nothing failed.'];

  const sorted = [...failures].sort((a, b) => (a.file === b.file ? 0 : a.file < b.file ? -1 : 1));
  const lines = [
    `Test summary: ${failures.length} failing, ${unexplained.length} failed task(s) without a failing test`,
    ...sorted.map(describeFailure),
    ...unexplained.map(
      (taskId) => `  FAIL task ${taskId} (no test names the failure: read its output above)`,
    ),
  ];
  if (notRun.length > 0)
    lines.push(`  (${notRun.length} task(s) did not run because a task they need failed)`);
  if (lines.length === 1) lines.push(`  the command exited with code ${exitCode} (read its output above)`);
  return lines;
}
