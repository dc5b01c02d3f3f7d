import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { ProjectionWorkerTask } from './processes/projection-worker.js';
import type { RacingWriterTask } from './processes/racing-writer.js';

/** A message a worker process sent, one JSON line of its stdout. */
export interface Message {
  type: string;
  [field: string]: unknown;
}

/** A worker running as its own OS process, talking JSON lines. */
export interface WorkerProcess {
  readonly pid: number;
  /** Every message it sent so far, in order. */
  readonly messages: readonly Message[];
  /**
   * Resolves with the first message that `matches` among those sent from index `from` on (0: all
   * of them, `messages.length`: only those still to come); rejects after `timeoutMs`, or when
   * the process exits first, with `what` it failed to do and its stderr.
   */
  next(
    what: string,
    matches: (message: Message) => boolean,
    options: { from?: number; timeoutMs: number },
  ): Promise<Message>;
  send(line: string): void;
  /** Resolves with its exit code once it has exited; rejects after `timeoutMs`. */
  exit(timeoutMs: number): Promise<number | null>;
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL, and resolves once it has exited. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Workers still running after the file's tests (a failed test) are killed by process id.
afterAll(() => {
  for (const child of running) {
    if (child.pid === undefined) continue;
    try {
      process.kill(child.pid, 'SIGCONT');
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // exited meanwhile
    }
  }
});

function spawnWorker(name: string, task: object): WorkerProcess {
  const file = fileURLToPath(new URL(`../../dist/test-support/processes/${name}.js`, import.meta.url));
  if (!existsSync(file)) {
    throw new Error(`${file} does not exist: build first (pnpm --filter @aether/projections-nats build)`);
  }
  const child = spawn(process.execPath, [file, JSON.stringify(task)], { stdio: ['pipe', 'pipe', 'pipe'] });
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
  const messages: Message[] = [];
  const waiters = new Set<(message: Message) => void>();
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const message = JSON.parse(line) as Message;
    messages.push(message);
    // AETHER_DEBUG_WORKERS=1 shows every message, to see where a multi-process test stands.
    if (process.env.AETHER_DEBUG_WORKERS) process.stderr.write(`${name} ${pid}: ${line}\n`);
    for (const waiter of [...waiters]) waiter(message);
  });
  return {
    pid,
    messages,
    exit: (timeoutMs) =>
      Promise.race([
        exited,
        new Promise<never>((_, reject) =>
          setTimeout(
            () => reject(new Error(`${name} (pid ${pid}) did not exit within ${timeoutMs} ms\n${stderr}`)),
            timeoutMs,
          ).unref(),
        ),
      ]),
    next(what, matches, { from = 0, timeoutMs }) {
      const seen = messages.slice(from).find(matches);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`${name} (pid ${pid}) did not ${what} within ${timeoutMs} ms\n${stderr}`));
        }, timeoutMs);
        const waiter = (message: Message) => {
          if (!matches(message)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(message);
        };
        waiters.add(waiter);
        void exited.then((code) => {
          if (!waiters.has(waiter)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          reject(new Error(`${name} (pid ${pid}) exited (${code}) before it did ${what}\n${stderr}`));
        });
      });
    },
    send: (line) => child.stdin?.write(`${line}\n`),
    signal: (signal) => process.kill(pid, signal),
    kill: async () => {
      process.kill(pid, 'SIGCONT');
      process.kill(pid, 'SIGKILL');
      await exited;
    },
  };
}

/** A projection worker (`processes/projection-worker.ts`). */
export const spawnProjectionWorker = (task: ProjectionWorkerTask): WorkerProcess =>
  spawnWorker('projection-worker', task);

/** A racing writer (`processes/racing-writer.ts`); it starts writing on a line on stdin. */
export const spawnRacingWriter = (task: RacingWriterTask): WorkerProcess =>
  spawnWorker('racing-writer', task);
