/**
 * The environment variable through which a run of the whole suite tells every Vitest process where
 * to write its JSON report. Turbo passes it through (`AETHER_*` in `globalPassThroughEnv`).
 */
export const REPORT_DIR_ENV = 'AETHER_TEST_REPORT_DIR';

/** The report's file name for a turbo task id such as `@aether/core#test`; `taskOfReportFile` reads it back. */
export function reportFileName(taskId: string): string {
  return `${encodeURIComponent(taskId)}.json`;
}

/** The turbo task id a report file was written for, or undefined for a file that is not a report. */
export function taskOfReportFile(fileName: string): string | undefined {
  if (!fileName.endsWith('.json')) return undefined;
  return decodeURIComponent(fileName.slice(0, -'.json'.length));
}
