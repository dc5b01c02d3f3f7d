import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Sample, Trial } from '../model.js';

/** Which contender of which case a child process measures. */
export interface ChildTask {
  readonly group: string;
  readonly caseId: string;
  readonly contender: string;
}

/** What the bench process asks a measuring process. */
export type ToChild = { readonly type: 'run'; readonly maxSeconds: number } | { readonly type: 'close' };

/** What a measuring process answers. */
export type FromChild =
  | { readonly type: 'ready' }
  | { readonly type: 'sample'; readonly sample: Sample }
  | { readonly type: 'failed'; readonly error: string }
  | { readonly type: 'closed' };

const childScript = fileURLToPath(new URL('./child.js', import.meta.url));
/** A measuring process that does not answer by then is killed and its contender reported as failed. */
const timeoutSeconds = 300;

/**
 * Opens one contender in a fresh Node process with this process's flags (`--expose-gc`) and
 * resolves once its untimed setup is done there; each `run` then measures one repetition in that
 * process. No library's garbage, heap layout or JIT feedback can slow down another: in one
 * process, a fold that ran after Emmett's appends was up to ten times slower than the same fold
 * alone. The process stays idle between runs, so contenders can take turns.
 */
export async function openChildTrial(task: ChildTask): Promise<Trial> {
  const child = fork(childScript, [task.group, task.caseId, task.contender], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const trial = new ChildTrial(child);
  const answer = await trial.ask(undefined);
  if (answer.type !== 'ready') throw new Error(failure(answer));
  return trial;
}

class ChildTrial implements Trial {
  readonly #child: ChildProcess;
  #waiting: ((answer: FromChild) => void) | undefined;
  #ended: string | undefined;

  constructor(child: ChildProcess) {
    this.#child = child;
    child.on('message', (message) => this.#answer(message as FromChild));
    child.on('error', (error) => this.#end(error.message));
    child.on('exit', (code, signal) =>
      this.#end(`measuring process ended (${signal ?? `exit code ${code}`})`),
    );
  }

  async run({ maxSeconds }: { maxSeconds: number }): Promise<Sample> {
    const answer = await this.ask({ type: 'run', maxSeconds });
    if (answer.type !== 'sample') throw new Error(failure(answer));
    return answer.sample;
  }

  async close(): Promise<void> {
    if (this.#ended === undefined) await this.ask({ type: 'close' });
    if (this.#ended === undefined) await new Promise((resolve) => this.#child.once('exit', resolve));
  }

  /** Sends `message` (none: waits for the first answer) and resolves with the answer. */
  ask(message: ToChild | undefined): Promise<FromChild> {
    if (this.#ended !== undefined) return Promise.resolve({ type: 'failed', error: this.#ended });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#end(`no answer within ${timeoutSeconds} s`);
        this.#child.kill();
      }, timeoutSeconds * 1000);
      this.#waiting = (answer) => {
        clearTimeout(timer);
        resolve(answer);
      };
      if (message !== undefined) this.#child.send(message);
    });
  }

  #answer(answer: FromChild): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.(answer);
  }

  #end(reason: string): void {
    this.#ended ??= reason;
    this.#answer({ type: 'failed', error: this.#ended });
  }
}

function failure(answer: FromChild): string {
  return answer.type === 'failed' ? answer.error : `unexpected answer ${answer.type}`;
}
