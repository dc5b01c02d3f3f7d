import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ContenderResult } from './results.js';

/** Which contender of which case a child process measures. */
export interface ChildTask {
  readonly group: string;
  readonly caseId: string;
  readonly contender: string;
}

const childScript = fileURLToPath(new URL('./child.js', import.meta.url));
/** A measuring process that has not finished by then is killed and reported as failed. */
const timeoutSeconds = 300;

/**
 * Measures one contender in a fresh Node process with this process's flags (`--expose-gc`), so
 * no library's garbage, heap layout or JIT feedback can slow down the next one. In one process,
 * a fold that ran after Emmett's appends was up to ten times slower than the same fold alone.
 */
export function measureInChild(task: ChildTask): Promise<ContenderResult> {
  return new Promise((resolve) => {
    let result: ContenderResult | undefined;
    const failed = (error: string): ContenderResult => ({ name: task.contender, values: [], error });
    const child = fork(childScript, [task.group, task.caseId, task.contender], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => {
      result ??= failed(`no result within ${timeoutSeconds} s`);
      child.kill();
    }, timeoutSeconds * 1000);
    child.on('message', (message) => {
      result ??= message as ContenderResult;
    });
    child.on('error', (error) => {
      result ??= failed(error.message);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(result ?? failed(`measuring process ended (${signal ?? `exit code ${code}`})`));
    });
  });
}
