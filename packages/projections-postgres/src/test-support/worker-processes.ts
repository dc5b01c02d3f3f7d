import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { ProjectionWorkerTask } from './processes/projection-worker.js';
import type { RacingWriterTask } from './processes/racing-writer.js';

/** A message of a worker: a JSON line on its stdout. */
export interface WorkerMessage {
  type: string;
  [field: string]: unknown;
}

/** A worker running as its own OS process. */
export interface WorkerProcess {
  readonly pid: number;
  /**
   * Resolves with the first message, since the worker started, that `matches` (rejects if the
   * worker exits before sending one).
   */
  until(matches: (message: WorkerMessage) => boolean): Promise<WorkerMessage>;
  /** Every message the worker has sent so far, in order. */
  messages(): readonly WorkerMessage[];
  /** Resolves with the last message when the worker exits cleanly; rejects with its stderr otherwise. */
  readonly finished: Promise<WorkerMessage>;
  /** Sends `signal` to the process id and resolves once it has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const running = new Set<ChildProcess>();
// Workers still running after the file's tests (a failed test) are killed by process id.
afterAll(() => {
  for (const child of running) {
    try {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    } catch {
      // exited meanwhile
    }
  }
});

function spawnWorker(name: string, task: object): WorkerProcess {
  const file = fileURLToPath(new URL(`../../dist/test-support/processes/${name}.js`, import.meta.url));
  if (!existsSync(file)) {
    throw new Error(`${file} does not exist: build first (pnpm --filter @aether/projections-postgres build)`);
  }
  const child = spawn(process.execPath, [file, JSON.stringify(task)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${file}`);
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const messages: WorkerMessage[] = [];
  const waiting = new Set<{
    matches(message: WorkerMessage): boolean;
    resolve(message: WorkerMessage): void;
  }>();
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const message = JSON.parse(line) as WorkerMessage;
    messages.push(message);
    for (const waiter of [...waiting]) {
      if (waiter.matches(message)) {
        waiting.delete(waiter);
        waiter.resolve(message);
      }
    }
  });
  const finished = exited.then((code) => {
    const last = messages.at(-1);
    if (code !== 0 || last?.type !== 'report') {
      throw new Error(`worker ${name} (pid ${pid}) exited with ${code} without a report\n${stderr}`);
    }
    return last;
  });
  finished.catch(() => undefined);
  return {
    pid,
    finished,
    messages: () => [...messages],
    until: (matches) =>
      new Promise<WorkerMessage>((resolve, reject) => {
        const seen = messages.find(matches);
        if (seen !== undefined) return resolve(seen);
        waiting.add({ matches, resolve });
        void exited.then((code) =>
          reject(new Error(`worker ${name} exited (${code}) before the message awaited\n${stderr}`)),
        );
      }),
    kill: async (signal) => {
      process.kill(pid, signal);
      await exited;
    },
  };
}

/** A projection worker (`processes/projection-worker.ts`). */
export const spawnProjectionWorker = (task: ProjectionWorkerTask): WorkerProcess =>
  spawnWorker('projection-worker', task);

/** A racing writer (`processes/racing-writer.ts`). */
export const spawnRacingWriter = (task: RacingWriterTask): WorkerProcess =>
  spawnWorker('racing-writer', task);
