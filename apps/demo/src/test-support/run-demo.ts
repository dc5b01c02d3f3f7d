import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built program, exactly as `npm run demo` runs it. */
export const mainScript = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface DemoResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From spawn to exit. */
  ms: number;
}

/** A running demo process: its output so far, a way to wait for a line, and its result. */
export interface DemoProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves when `stream` matches `pattern`; rejects after `timeoutMs` (60 s: a loaded machine starts Node slowly) or when the process exits first. */
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** The same with any condition on what `stream` holds so far. */
  waitUntil(stream: 'stdout' | 'stderr', done: (text: string) => boolean, timeoutMs?: number): Promise<void>;
  readonly result: Promise<DemoResult>;
}

export function startDemo(args: readonly string[]): DemoProcess {
  const started = performance.now();
  const child = spawn(process.execPath, [mainScript, ...args], { stdio: 'pipe' });
  const output = { stdout: '', stderr: '' };
  const waiters = new Set<() => void>();
  for (const name of ['stdout', 'stderr'] as const) {
    child[name].setEncoding('utf8');
    child[name].on('data', (chunk: string) => {
      output[name] += chunk;
      for (const check of waiters) check();
    });
  }
  let exited = false;
  const result = new Promise<DemoResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      exited = true;
      for (const check of waiters) check();
      resolve({ code, signal, ...output, ms: performance.now() - started });
    });
  });

  const waitUntil = (stream: 'stdout' | 'stderr', done: (text: string) => boolean, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${stream} not as expected within ${timeoutMs} ms; it has:\n${output[stream]}`));
      }, timeoutMs);
      const check = () => {
        const ok = done(output[stream]);
        if (!ok && !exited) return;
        waiters.delete(check);
        clearTimeout(timer);
        if (ok) resolve();
        else reject(new Error(`exited before ${stream} was as expected; it has:\n${output[stream]}`));
      };
      waiters.add(check);
      check();
    });
  const waitFor = (stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs?: number) =>
    waitUntil(stream, (text) => pattern.test(text), timeoutMs);

  return { child, stdout: () => output.stdout, stderr: () => output.stderr, waitFor, waitUntil, result };
}

/** Runs the demo to its end. */
export function runDemo(args: readonly string[]): Promise<DemoResult> {
  return startDemo(args).result;
}
