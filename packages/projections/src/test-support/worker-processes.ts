import { fileURLToPath } from 'node:url';
import { reportOnCleanExit, spawnJsonLineWorker, whenReady } from '@aether/test-processes';
import type { RacingWriterReport, RacingWriterTask } from './processes/racing-writer.js';
import type { SlowProjectionTask } from './processes/slow-projection.js';

/** A worker of `test-support/processes` running as an OS process of its own, talking JSON lines. */
export interface WorkerProcess<Report> {
  readonly pid: number;
  /** Resolves once the worker has opened its store. */
  readonly ready: Promise<void>;
  /** Resolves with its `report` message when it exits cleanly; rejects with its stderr otherwise. */
  readonly report: Promise<Report>;
  /** Sends a command line and resolves with the next message the worker sends. */
  ask<Answer>(line: string): Promise<Answer>;
  /** Sends a line without waiting for an answer. */
  send(line: string): void;
  /** Hears every message, in order. */
  onMessage(listener: (message: { type: string }) => void): void;
  /** Sends `signal` and resolves once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

function spawnWorker<Report>(name: string, task: object, nodeOptions: string[] = []): WorkerProcess<Report> {
  const file = fileURLToPath(new URL(`../../dist/test-support/processes/${name}.js`, import.meta.url));
  const worker = spawnJsonLineWorker(file, task, {
    nodeOptions,
    missingScriptHint: 'build first (pnpm turbo run build --filter=@aether/projections...)',
  });
  // `ask` waits for the next message that is not mere progress.
  const answers: Array<(message: { type: string }) => void> = [];
  worker.onMessage((message) => {
    if (message.type !== 'progress') answers.shift()?.(message);
  });
  return {
    pid: worker.pid,
    ready: whenReady(worker, name),
    report: reportOnCleanExit<Report>(worker, name),
    ask: <Answer>(line: string) =>
      new Promise<Answer>((resolve, reject) => {
        answers.push((message) => resolve(message as Answer));
        void worker.exited.then((code) =>
          reject(new Error(`${name} exited (${code}) before answering ${line}\n${worker.stderr()}`)),
        );
        worker.send(line);
      }),
    send: worker.send,
    onMessage: worker.onMessage,
    kill: worker.kill,
  };
}

/** A racing writer (`processes/racing-writer.ts`); `send('go')` starts it. */
export function spawnRacingWriter(task: RacingWriterTask): WorkerProcess<RacingWriterReport> {
  return spawnWorker('racing-writer', task);
}

/** `count` racing writers doing the same task, named `w1`, `w2`, ... */
export function spawnRacingWriters(
  count: number,
  task: Omit<RacingWriterTask, 'worker'>,
): WorkerProcess<RacingWriterReport>[] {
  return Array.from({ length: count }, (_, index) => spawnRacingWriter({ ...task, worker: `w${index + 1}` }));
}

/** A slow projection worker (`processes/slow-projection.ts`), with `--expose-gc` for its heap figures. */
export function spawnSlowProjection(task: SlowProjectionTask): WorkerProcess<{ type: 'report' }> {
  return spawnWorker('slow-projection', task, ['--expose-gc']);
}

/** Starts `writers` together and resolves with their reports once all have finished. */
export async function runWriters(
  writers: readonly WorkerProcess<RacingWriterReport>[],
): Promise<RacingWriterReport[]> {
  await Promise.all(writers.map((writer) => writer.ready));
  for (const writer of writers) writer.send('go');
  return Promise.all(writers.map((writer) => writer.report));
}
