import { fileURLToPath } from 'node:url';
import { spawnJsonLineWorker, type WorkerMessage } from '@aether/test-processes';
import type { ProjectionWorkerTask } from './processes/projection-worker.js';
import type { RacingWriterTask } from './processes/racing-writer.js';

/** A message a worker process sent, one JSON line of its stdout. */
export type Message = WorkerMessage;

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

function spawnWorker(name: string, task: object): WorkerProcess {
  const file = fileURLToPath(new URL(`../../dist/test-support/processes/${name}.js`, import.meta.url));
  const worker = spawnJsonLineWorker(file, task, {
    missingScriptHint: 'build first (pnpm --filter @aether/projections-nats build)',
  });
  const { pid, messages, exited, stderr } = worker;
  const waiters = new Set<(message: Message) => void>();
  worker.onMessage((message) => {
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
            () => reject(new Error(`${name} (pid ${pid}) did not exit within ${timeoutMs} ms\n${stderr()}`)),
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
          reject(new Error(`${name} (pid ${pid}) did not ${what} within ${timeoutMs} ms\n${stderr()}`));
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
          reject(new Error(`${name} (pid ${pid}) exited (${code}) before it did ${what}\n${stderr()}`));
        });
      });
    },
    send: worker.send,
    signal: (signal) => process.kill(pid, signal),
    kill: async () => {
      // A stopped (SIGSTOP) worker dies only once it runs again.
      process.kill(pid, 'SIGCONT');
      await worker.kill('SIGKILL');
    },
  };
}

/** A projection worker (`processes/projection-worker.ts`). */
export const spawnProjectionWorker = (task: ProjectionWorkerTask): WorkerProcess =>
  spawnWorker('projection-worker', task);

/** A racing writer (`processes/racing-writer.ts`); it starts writing on a line on stdin. */
export const spawnRacingWriter = (task: RacingWriterTask): WorkerProcess =>
  spawnWorker('racing-writer', task);
