import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { killAfterTests } from './running-workers.js';

/** How to start a worker script. */
export interface SpawnNodeOptions {
  /** Options for `node` itself, before the script (e.g. `--expose-gc`). */
  readonly nodeOptions?: readonly string[];
  /** `ignore` for a worker that reads nothing; `pipe` (the default) to send it lines. */
  readonly stdin?: 'pipe' | 'ignore';
  /**
   * When set, a missing script throws at once with this advice (`<script> does not exist: <hint>`)
   * instead of a worker that fails with node's "Cannot find module".
   */
  readonly missingScriptHint?: string;
}

/**
 * Runs `node <nodeOptions> <script> <JSON task>`: an OS process of its own, killed after the test
 * file if it is still running then.
 */
export function spawnNode(script: string, task: unknown, options: SpawnNodeOptions = {}): ChildProcess {
  if (options.missingScriptHint !== undefined && !existsSync(script)) {
    throw new Error(`${script} does not exist: ${options.missingScriptHint}`);
  }
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), script, JSON.stringify(task)], {
    stdio: [options.stdin ?? 'pipe', 'pipe', 'pipe'],
  });
  killAfterTests(child);
  return child;
}

/** Collects what `child` writes to stderr, for the error that says why it failed. */
export function collectStderr(child: ChildProcess): () => string {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return () => stderr;
}
