import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { WorkerReport, WorkerTask } from './processes/append-worker.js';

/** The built append worker: `node` runs JavaScript, so the tests need `pnpm build` first. */
export const APPEND_WORKER = fileURLToPath(
  new URL('../../dist/test-support/processes/append-worker.js', import.meta.url),
);

/** An append worker running as its own OS process. */
export interface WorkerProcess {
  readonly pid: number;
  /** Resolves once the worker has opened its store and waits for `start()`. */
  readonly ready: Promise<void>;
  /** Lets the worker append (a line on its stdin). */
  start(): void;
  /** Resolves with the worker's report when it exits cleanly; rejects with its stderr otherwise. */
  readonly report: Promise<WorkerReport>;
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

/** Spawns `node append-worker.js <task>`: an OS process of its own, with its own NATS connection. */
export function spawnAppendWorker(task: WorkerTask): WorkerProcess {
  if (!existsSync(APPEND_WORKER)) {
    throw new Error(
      `${APPEND_WORKER} does not exist: build the package first (pnpm --filter @aether/store-jetstream build)`,
    );
  }
  const child = spawn(process.execPath, [APPEND_WORKER, JSON.stringify(task)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${APPEND_WORKER}`);
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
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const ready = new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { type: string };
      messages.push(message);
      if (message.type === 'ready') resolve();
    });
    void exited.then((code) =>
      reject(new Error(`worker ${task.worker} exited (${code}) before it was ready\n${stderr}`)),
    );
  });
  const report = exited.then((code) => {
    const last = messages.at(-1);
    if (code !== 0 || last?.type !== 'report') {
      throw new Error(`worker ${task.worker} (pid ${pid}) exited with ${code} without a report\n${stderr}`);
    }
    return last as WorkerReport;
  });
  // Either promise may fail before a test awaits it; the test sees the failure when it does.
  ready.catch(() => undefined);
  report.catch(() => undefined);
  return { pid, ready, report, start: () => child.stdin?.end('go\n') };
}
