import { fileURLToPath } from 'node:url';
import { type StartedWorker, startWorker } from '@aether/test-processes';
import type { WorkerReport, WorkerTask } from './processes/command-worker.js';

/** The built command worker: `node` runs JavaScript, so the tests need `pnpm build` first (turbo runs it). */
export const COMMAND_WORKER = fileURLToPath(
  new URL('../../dist/test-support/processes/command-worker.js', import.meta.url),
);

/**
 * Spawns `node command-worker.js <task>`: an OS process of its own, with its own connection. `ready`
 * resolves once it has opened its store; a line on its stdin starts its commands; `done` resolves
 * with its report when it exits cleanly.
 */
export function startCommandWorker(task: WorkerTask): StartedWorker<WorkerReport> {
  return startWorker(COMMAND_WORKER, task, { label: `worker ${task.writer}` });
}
