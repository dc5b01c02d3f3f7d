import { fileURLToPath } from 'node:url';
import { reportOnCleanExit, spawnJsonLineWorker, type WorkerMessage } from '@aether/test-processes';
import type { ProjectionWorkerTask } from './processes/projection-worker.js';
import type { RacingWriterTask } from './processes/racing-writer.js';

/** A message of a worker: a JSON line on its stdout. */
export type { WorkerMessage };

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

function spawnWorker(name: string, task: object): WorkerProcess {
  const file = fileURLToPath(new URL(`../../dist/test-support/processes/${name}.js`, import.meta.url));
  const worker = spawnJsonLineWorker(file, task, {
    stdin: 'ignore',
    missingScriptHint: 'build first (pnpm --filter @aether/projections-postgres build)',
  });
  return {
    pid: worker.pid,
    finished: reportOnCleanExit(worker, `worker ${name}`),
    messages: () => [...worker.messages],
    until: (matches) =>
      new Promise<WorkerMessage>((resolve, reject) => {
        const seen = worker.messages.find(matches);
        if (seen !== undefined) return resolve(seen);
        worker.onMessage((message) => {
          if (matches(message)) resolve(message);
        });
        void worker.exited.then((code) =>
          reject(new Error(`worker ${name} exited (${code}) before the message awaited\n${worker.stderr()}`)),
        );
      }),
    kill: worker.kill,
  };
}

/** A projection worker (`processes/projection-worker.ts`). */
export const spawnProjectionWorker = (task: ProjectionWorkerTask): WorkerProcess =>
  spawnWorker('projection-worker', task);

/** A racing writer (`processes/racing-writer.ts`). */
export const spawnRacingWriter = (task: RacingWriterTask): WorkerProcess =>
  spawnWorker('racing-writer', task);
