/** What a starting server has told us so far, read from its log lines. */
export interface ServerLogFacts {
  ready: boolean;
  clientPort?: number;
  monitorPort?: number;
  routePort?: number;
}

const patterns: ReadonlyArray<[keyof Omit<ServerLogFacts, 'ready'>, RegExp]> = [
  ['clientPort', /Listening for client connections on [^\s]*:(\d+)/],
  ['monitorPort', /Starting http monitor on [^\s]*:(\d+)/],
  ['routePort', /Listening for route connections on [^\s]*:(\d+)/],
];

/** Folds one log line into the facts: the ports the server bound and whether it is ready. */
export function readLogLine(facts: ServerLogFacts, line: string): void {
  if (line.includes('Server is ready')) facts.ready = true;
  for (const [key, pattern] of patterns) {
    const match = pattern.exec(line);
    if (match?.[1] !== undefined) facts[key] = Number(match[1]);
  }
}

/** Keeps the last `limit` lines, for error messages that show why a server failed. */
export class LogTail {
  readonly #lines: string[] = [];

  constructor(private readonly limit = 200) {}

  push(line: string): void {
    this.#lines.push(line);
    if (this.#lines.length > this.limit) this.#lines.shift();
  }

  lines(): string[] {
    return [...this.#lines];
  }

  text(last = 20): string {
    return this.#lines.slice(-last).join('\n');
  }
}
