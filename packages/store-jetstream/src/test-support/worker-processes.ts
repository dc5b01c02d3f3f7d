import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
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

/** Spawns `node <nodeOptions> <name>.js <task>`: an OS process of its own, with its own NATS connection. */
function spawnWorker<Report>(name: string, task: object, nodeOptions: string[] = []): WorkerProcess<Report> {
  const file = workerFile(name);
  if (!existsSync(file)) {
    throw new Error(
      `${file} does not exist: build the package first (pnpm --filter @aether/store-jetstream build)`,
    );
  }
  const child = spawn(process.execPath, [...nodeOptions, file, JSON.stringify(task)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
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
  const messages: Array<{ type: string }> = [];
  const listeners: Array<(message: { type: string }) => void> = [];
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const ready = new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { type: string };
      messages.push(message);
      for (const listener of listeners) listener(message);
      if (message.type === 'ready') resolve();
    });
    void exited.then((code) =>
      reject(new Error(`worker ${name} exited (${code}) before it was ready\n${stderr}`)),
    );
  });
  const report = exited.then((code) => {
    const last = messages.at(-1);
    if (code !== 0 || last?.type !== 'report') {
      throw new Error(`worker ${name} (pid ${pid}) exited with ${code} without a report\n${stderr}`);
    }
    return last as Report;
  });
  // Either promise may fail before a test awaits it; the test sees the failure when it does.
  ready.catch(() => undefined);
  report.catch(() => undefined);
  return {
    pid,
    ready,
    report,
    start: () => child.stdin?.end('go\n'),
    send: (line) => child.stdin?.write(`${line}\n`),
    onMessage: (listener) => listeners.push(listener),
    kill: async (signal) => {
      process.kill(pid, signal);
      await exited;
    },
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
