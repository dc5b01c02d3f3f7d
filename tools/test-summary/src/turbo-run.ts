interface TurboTask {
  taskId?: string;
  execution?: { exitCode?: number | null } | null;
}

/** How the tasks of one turbo run ended, read from its `--summarize` file. */
export interface TaskOutcomes {
  /** Tasks that ran and exited with a non-zero code. */
  failed: string[];
  /** Tasks that never ran, because a task they depend on failed (`--continue=dependencies-successful`). */
  notRun: string[];
}

/** The failed and the skipped tasks of a turbo run summary (`.turbo/runs/<id>.json`). */
export function taskOutcomes(summary: unknown): TaskOutcomes {
  const tasks = (summary as { tasks?: TurboTask[] } | null)?.tasks;
  if (!Array.isArray(tasks)) throw new Error('the turbo run summary has no task list');
  const failed: string[] = [];
  const notRun: string[] = [];
  for (const task of tasks) {
    const exitCode = task.execution?.exitCode;
    if (typeof exitCode !== 'number') notRun.push(String(task.taskId));
    else if (exitCode !== 0) failed.push(String(task.taskId));
  }
  return { failed: failed.sort(), notRun: notRun.sort() };
}
