// What the worker processes of the tests share: JSON lines on stdout, the task as argv[2].

/** Writes one JSON line to stdout: what the test reads. */
export function send(message: object): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** The JSON task the test passed as the only argument. */
export function taskArgument<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

/** Reports a failure on stderr and exits non-zero. */
export function fail(what: string): (error: unknown) => void {
  return (error) => {
    process.stderr.write(`${what} failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  };
}
