import { createInterface } from 'node:readline';

/** Sends one JSON message to the test, a line on stdout. */
export function send(message: object): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Calls `onLine` with each line the test writes on stdin, until the returned function stops it. */
export function onLines(onLine: (line: string) => void): () => void {
  const lines = createInterface({ input: process.stdin });
  lines.on('line', onLine);
  // Reading stdin keeps the process alive: stopping lets it exit once its work is done.
  return () => {
    lines.close();
    process.stdin.destroy();
  };
}

/** Runs `main`; a failure goes to stderr and the exit code, where the test reads it. */
export function runProcess(name: string, main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`${name} failed: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  });
}
