import type { ChildProcess } from 'node:child_process';
import { collectStderr, type SpawnNodeOptions, spawnNode } from './spawn-node.js';

/** A worker that says `ready` on a line of its own, then prints its report as JSON and exits. */
export interface StartedWorker<Report> {
  readonly child: ChildProcess;
  /** Resolves once the worker has written `ready\n`, or has died (then `done` says why). */
  readonly ready: Promise<void>;
  /** Resolves with the JSON after the ready line when it exits with 0; rejects with its stderr otherwise. */
  readonly done: Promise<Report>;
}

/** How `startWorker` names the worker and starts it. */
export interface StartWorkerOptions extends SpawnNodeOptions {
  /** Names the worker in the error of a failed run: `<label> exited with <code>: <stderr>`. */
  readonly label: string;
}

/**
 * Spawns `node <script> <JSON task>` for the plain protocol: the worker writes `ready\n` once it can
 * start, waits for a line on its stdin, writes its report as JSON and exits.
 */
export function startWorker<Task, Report>(
  script: string,
  task: Task,
  options: StartWorkerOptions,
): StartedWorker<Report> {
  const child = spawnNode(script, task, options);
  const stderr = collectStderr(child);
  let stdout = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    if (stdout.startsWith('ready\n')) markReady();
  });
  const done = new Promise<Report>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${options.label} exited with ${code}: ${stderr()}`));
      else resolve(JSON.parse(stdout.slice('ready\n'.length)) as Report);
    });
  });
  // A worker that dies before it is ready must not leave the test waiting for `ready`.
  done.catch(() => markReady());
  return { child, ready, done };
}
