import { fileURLToPath } from 'node:url';
import { type StartedWorker, startWorker } from '@aether/test-processes';
import type { WorkerReport, WorkerTask } from './processes/save-worker.js';

/** The built save worker: `node` runs JavaScript, so the tests need `pnpm build` first (turbo runs it). */
export const SAVE_WORKER = fileURLToPath(
  new URL('../../dist/test-support/processes/save-worker.js', import.meta.url),
);

/**
 * Spawns `node save-worker.js <task>`: an OS process of its own, with its own connection. `ready`
 * resolves once it has opened its store; a line on its stdin starts its saves; `done` resolves
 * with its report when it exits cleanly.
 */
export function startSaveWorker(task: WorkerTask): StartedWorker<WorkerReport> {
  return startWorker(SAVE_WORKER, task, { label: `worker ${task.writer}` });
}
