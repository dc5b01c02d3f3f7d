import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { type LogTail, readLogLine, type ServerLogFacts } from './server-log.js';

/** A running server process as spawned: its pid and the ports it reported. */
export interface StartedProcess {
  child: ChildProcess;
  pid: number;
  facts: ServerLogFacts;
  /** Resolves when the process has exited, with its exit code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface SpawnOptions {
  binary: string;
  configFile: string;
  /** How long to wait for "Server is ready" before giving up (and killing the process). */
  startTimeoutMs: number;
  log: LogTail;
}

// Servers still running when the test process exits would outlive it: kill them on the way out.
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * Starts `nats-server -c configFile` and resolves once the server logs "Server is ready" (an
 * awaited condition: the log line, not a sleep). Rejects with the log tail when it exits first
 * or does not get ready in time.
 */
export function spawnNatsServer(options: SpawnOptions): Promise<StartedProcess> {
  const child = spawn(options.binary, ['-c', options.configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  const facts: ServerLogFacts = { ready: false };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });

  return new Promise<StartedProcess>((resolve, reject) => {
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(
        new Error(
          `nats-server (${options.binary} -c ${options.configFile}) ${reason}\n${options.log.text()}`,
        ),
      );
    };
    const timer = setTimeout(
      () => fail(`was not ready within ${options.startTimeoutMs} ms`),
      options.startTimeoutMs,
    );
    child.once('error', (err) => fail(`could not be started: ${err.message}`));
    void exited.then(({ code, signal }) =>
      fail(`exited before it was ready (code ${code}, signal ${signal})`),
    );
    for (const stream of [child.stdout, child.stderr]) {
      if (stream === null) continue;
      createInterface({ input: stream }).on('line', (line) => {
        options.log.push(line);
        readLogLine(facts, line);
        if (facts.ready && !settled && child.pid !== undefined) {
          settled = true;
          clearTimeout(timer);
          resolve({ child, pid: child.pid, facts, exited });
        }
      });
    }
  });
}

/**
 * Sends `signal` to the process by its id and waits for it to exit. After `graceMs` without an
 * exit it escalates to SIGKILL, so a stop never hangs.
 */
export async function signalAndWait(
  started: StartedProcess,
  signal: NodeJS.Signals,
  graceMs: number,
): Promise<void> {
  if (started.child.exitCode !== null || started.child.signalCode !== null) return;
  try {
    process.kill(started.pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return; // already gone
    throw err;
  }
  let escalate: NodeJS.Timeout | undefined;
  if (signal !== 'SIGKILL') {
    escalate = setTimeout(() => {
      try {
        process.kill(started.pid, 'SIGKILL');
      } catch {
        // exited meanwhile
      }
    }, graceMs);
  }
  await started.exited;
  clearTimeout(escalate);
}
