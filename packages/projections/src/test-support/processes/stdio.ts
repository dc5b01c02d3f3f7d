/** The JSON-lines protocol of the worker processes: messages on stdout, commands on stdin. */
import { createInterface } from 'node:readline';

export function send(message: object): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Calls `handle` with each line on stdin, one after the other (a line waits for the previous one). */
export function onCommands(handle: (line: string) => Promise<void>): void {
  const lines = createInterface({ input: process.stdin });
  let queue = Promise.resolve();
  lines.on('line', (line) => {
    queue = queue.then(() => handle(line.trim())).catch(fail);
  });
}

/** Reports `err` on stderr and makes the process exit with 1. */
export function fail(err: unknown): void {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
}

/** The heap in use after a full collection (the process runs with `--expose-gc`). */
export function heapBytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}
