import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { DemoError } from './demo-error.js';
import { parseReport, type WriterReport, type WriterTask } from './load-protocol.js';

export type SavedReport = Extract<WriterReport, { type: 'saved' }>;
export type DoneReport = Extract<WriterReport, { type: 'done' }>;

/** One writer: an OS process running dist/load-worker.js. */
export interface WriterProcess {
  readonly writer: number;
  readonly pid: number | undefined;
  /** Resolves once the writer is connected and waiting for `start()`. */
  readonly ready: Promise<void>;
  /** Its final report; rejects with a one-line `DemoError` when the process fails. */
  readonly finished: Promise<DoneReport>;
  start(): void;
  /** Ends the process (SIGTERM to its pid) if it still runs. */
  stop(): void;
}

const workerScript = fileURLToPath(new URL('./load-worker.js', import.meta.url));

export function spawnWriter(task: WriterTask, onSaved: (report: SavedReport) => void): WriterProcess {
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(
    process.execPath,
    [workerScript, JSON.stringify(task)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4096);
  });
  child.stdin.on('error', () => {}); // a writer that died is reported by its exit, not here

  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  let done: DoneReport | undefined;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const report = parseReport(line);
    if (report?.type === 'ready') markReady();
    else if (report?.type === 'saved') onSaved(report);
    else if (report?.type === 'done') done = report;
  });

  const finished = new Promise<DoneReport>((resolve, reject) => {
    const fail = (reason: string) =>
      reject(new DemoError('WRITER_FAILED', `writer ${task.writer} (pid ${child.pid}) ${reason}`));
    child.once('error', (error) => fail(`could not run: ${error.message}`));
    child.once('close', (code, signal) => {
      if (code === 0 && done !== undefined) return resolve(done);
      const said = stderr.trim().split('\n').at(-1);
      fail(
        `${signal === null ? `exited with code ${code}` : `was ended by ${signal}`}${said ? `: ${said}` : ''}`,
      );
    });
  });
  finished.catch(() => {}); // handled by whoever awaits it; never an unhandled rejection
  // A writer that fails before it is ready must not leave the caller waiting for `ready`.
  const readyOrFailed = Promise.race([ready, finished.then(() => undefined)]);
  readyOrFailed.catch(() => {});

  return {
    writer: task.writer,
    pid: child.pid,
    ready: readyOrFailed,
    finished,
    start: () => {
      child.stdin.end('start\n');
    },
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}
