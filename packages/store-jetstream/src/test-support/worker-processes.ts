import { fileURLToPath } from 'node:url';
import { reportOnCleanExit, spawnJsonLineWorker, whenReady } from '@aether/test-processes';
import type { WorkerReport, WorkerTask } from './processes/append-worker.js';
import type { LogReaderReport, LogReaderTask } from './processes/log-reader.js';
import type { LogWriterTask } from './processes/log-writer.js';

/** A built worker of `test-support/processes`: `node` runs JavaScript, so the tests need `pnpm build` first. */
function workerFile(name: string): string {
  return fileURLToPath(new URL(`../../dist/test-support/processes/${name}.js`, import.meta.url));
}

/** A worker running as its own OS process, talking JSON lines on stdout. */
export interface WorkerProcess<Report> {
  readonly pid: number;
  /** Resolves once the worker has opened its store and waits for `start()`. */
  readonly ready: Promise<void>;
  /** Lets the worker go (a line on its stdin, which then ends). */
  start(): void;
  /** Sends the worker a line on its stdin, which stays open. */
  send(line: string): void;
  /** Resolves with the worker's last message when it exits cleanly; rejects with its stderr otherwise. */
  readonly report: Promise<Report>;
  /** Hears every message the worker sends, in order. */
  onMessage(listener: (message: { type: string }) => void): void;
  /** Sends `signal` to the worker's process id and resolves once it has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Spawns `node <nodeOptions> <name>.js <task>`: an OS process of its own, with its own NATS connection. */
function spawnWorker<Report>(name: string, task: object, nodeOptions: string[] = []): WorkerProcess<Report> {
  const worker = spawnJsonLineWorker(workerFile(name), task, {
    nodeOptions,
    missingScriptHint: 'build the package first (pnpm --filter @aether/store-jetstream build)',
  });
  return {
    pid: worker.pid,
    ready: whenReady(worker, `worker ${name}`),
    report: reportOnCleanExit<Report>(worker, `worker ${name}`),
    start: () => worker.child.stdin?.end('go\n'),
    send: worker.send,
    onMessage: worker.onMessage,
    kill: worker.kill,
  };
}

/** An append worker (`processes/append-worker.ts`): writers racing on one actor. */
export function spawnAppendWorker(task: WorkerTask): WorkerProcess<WorkerReport> {
  return spawnWorker('append-worker', task);
}

/** A log writer (`processes/log-writer.ts`): actors of its own, one `saveEvents` after the other. */
export function spawnLogWriter(task: LogWriterTask): WorkerProcess<{ type: 'report' }> {
  return spawnWorker('log-writer', task);
}

/** A log reader (`processes/log-reader.ts`): a subscription that reads only when told to. */
export function spawnLogReader(task: LogReaderTask): WorkerProcess<LogReaderReport> {
  return spawnWorker('log-reader', task, ['--expose-gc']);
}
