import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
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

function spawnWorker<Report>(name: string, task: object, nodeOptions: string[] = []): WorkerProcess<Report> {
  const file = fileURLToPath(new URL(`../../dist/test-support/processes/${name}.js`, import.meta.url));
  if (!existsSync(file)) {
    throw new Error(
      `${file} does not exist: build first (pnpm turbo run build --filter=@aether/projections...)`,
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
  const listeners: Array<(message: { type: string }) => void> = [];
  const answers: Array<(message: { type: string }) => void> = [];
  let last: { type: string } | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const message = JSON.parse(line) as { type: string };
      last = message;
      if (message.type === 'ready') resolve();
      for (const listener of listeners) listener(message);
      if (message.type !== 'progress') answers.shift()?.(message);
    });
    void exited.then((code) => reject(new Error(`${name} exited (${code}) before it was ready\n${stderr}`)));
  });
  const report = exited.then((code) => {
    if (code !== 0 || last?.type !== 'report') {
      throw new Error(`${name} (pid ${pid}) exited with ${code} without a report\n${stderr}`);
    }
    return last as Report;
  });
  ready.catch(() => undefined);
  report.catch(() => undefined);
  return {
    pid,
    ready,
    report,
    ask: <Answer>(line: string) =>
      new Promise<Answer>((resolve, reject) => {
        answers.push((message) => resolve(message as Answer));
        void exited.then((code) =>
          reject(new Error(`${name} exited (${code}) before answering ${line}\n${stderr}`)),
        );
        child.stdin?.write(`${line}\n`);
      }),
    send: (line) => child.stdin?.write(`${line}\n`),
    onMessage: (listener) => listeners.push(listener),
    kill: async (signal) => {
      process.kill(pid, signal);
      await exited;
    },
  };
}

/** A racing writer (`processes/racing-writer.ts`); `send('go')` starts it. */
export function spawnRacingWriter(task: RacingWriterTask): WorkerProcess<RacingWriterReport> {
  return spawnWorker('racing-writer', task);
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
