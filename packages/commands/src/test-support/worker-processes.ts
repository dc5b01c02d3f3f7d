import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
export function startCommandWorker(task: WorkerTask): {
  child: ChildProcess;
  ready: Promise<void>;
  done: Promise<WorkerReport>;
} {
  const child = spawn(process.execPath, [COMMAND_WORKER, JSON.stringify(task)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const done = new Promise<WorkerReport>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`worker ${task.writer} exited with ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout.slice('ready\n'.length)) as WorkerReport);
    });
  });
  // A worker that dies before it is ready must not leave the test waiting for `ready`.
  done.catch(() => markReady());
  return { child, ready, done };
}
