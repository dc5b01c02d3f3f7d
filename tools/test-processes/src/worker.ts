// The worker side of the plain protocol (`startWorker`), for the scripts in a package's
// src/test-support/processes. A separate entry because those run under plain `node`, where the
// main entry's vitest hooks cannot load.
import { createInterface } from 'node:readline';

/** Resolves at the first line on stdin (the start signal), then lets stdin go. */
export function firstLine(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  return new Promise((resolve) => {
    lines.once('line', () => {
      lines.close();
      process.stdin.destroy(); // an open stdin would keep this process alive after its work
      resolve();
    });
  });
}

/**
 * Runs `work` on the task given as the JSON argument, prints its report as JSON; on failure prints
 * `<name>: <message>` to stderr and exits with 1 (which `startWorker` reports with that stderr).
 */
export function runWorker<Task, Report>(name: string, work: (task: Task) => Promise<Report>): void {
  work(JSON.parse(process.argv[2] ?? '{}') as Task).then(
    (report) => {
      process.stdout.write(`${JSON.stringify(report)}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
