import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { collectStderr, type SpawnNodeOptions, spawnNode } from './spawn-node.js';

/** A message of a worker: one JSON line on its stdout. */
export interface WorkerMessage {
  type: string;
  [field: string]: unknown;
}

/** A worker running as its own OS process that writes one JSON message per line. */
export interface JsonLineWorker {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Every message it sent so far, in order (the array grows as messages arrive). */
  readonly messages: readonly WorkerMessage[];
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Hears every later message, in order. */
  onMessage(listener: (message: WorkerMessage) => void): void;
  /** Writes `line` and a newline to its stdin. */
  send(line: string): void;
  /** Sends `signal` to its process id and resolves once it has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Spawns `node <script> <JSON task>` and reads its stdout as JSON lines. */
export function spawnJsonLineWorker(
  script: string,
  task: unknown,
  options: SpawnNodeOptions = {},
): JsonLineWorker {
  const child = spawnNode(script, task, options);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${script}`);
  const stderr = collectStderr(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const messages: WorkerMessage[] = [];
  const listeners: Array<(message: WorkerMessage) => void> = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const message = JSON.parse(line) as WorkerMessage;
    messages.push(message);
    // AETHER_DEBUG_WORKERS=1 shows every message, to see where a multi-process test stands.
    if (process.env.AETHER_DEBUG_WORKERS) process.stderr.write(`${script} ${pid}: ${line}\n`);
    for (const listener of [...listeners]) listener(message);
  });
  return {
    child,
    pid,
    messages,
    exited,
    stderr,
    onMessage: (listener) => listeners.push(listener),
    send: (line) => child.stdin?.write(`${line}\n`),
    kill: async (signal) => {
      process.kill(pid, signal);
      await exited;
    },
  };
}
