import { plural } from './format.js';

/** Where the progress line goes: stderr, or a fake one in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * The progress line of `load`. On a terminal it is one line, rewritten in place at most every
 * `intervalMs`; otherwise (a pipe, a log file, CI) it is a plain line at every quarter of the way.
 */
export class ProgressLine {
  readonly #stream: ProgressStream;
  readonly #total: number;
  readonly #now: () => number;
  readonly #intervalMs: number;
  readonly #started: number;
  #lastDrawn = Number.NEGATIVE_INFINITY;
  #onScreen = false;
  #nextQuarter = 1;
  #lastPrinted = -1;

  constructor(
    stream: ProgressStream,
    total: number,
    options: { now?: () => number; intervalMs?: number } = {},
  ) {
    this.#stream = stream;
    this.#total = total;
    this.#now = options.now ?? (() => performance.now());
    this.#intervalMs = options.intervalMs ?? 100;
    this.#started = this.#now();
  }

  update(saved: number, conflicts: number): void {
    if (this.#stream.isTTY === true) {
      if (this.#now() - this.#lastDrawn < this.#intervalMs && saved < this.#total) return;
      this.#draw(saved, conflicts);
      return;
    }
    let due = false;
    while (this.#nextQuarter <= 4 && saved * 4 >= this.#total * this.#nextQuarter) {
      this.#nextQuarter++;
      due = true;
    }
    if (due) this.#print(saved, conflicts);
  }

  /** The final state, and the end of the line: what follows starts on a fresh line. */
  finish(saved: number, conflicts: number): void {
    if (this.#stream.isTTY === true) {
      this.#draw(saved, conflicts);
      this.#stream.write('\n');
      this.#onScreen = false;
    } else if (this.#lastPrinted !== saved) {
      this.#print(saved, conflicts);
    }
  }

  /** Leaves the line as it is and moves to the next one (before an error message). */
  interrupt(): void {
    if (this.#onScreen) this.#stream.write('\n');
    this.#onScreen = false;
  }

  #draw(saved: number, conflicts: number): void {
    this.#stream.write(`\r\x1b[2K${this.#text(saved, conflicts)}`);
    this.#lastDrawn = this.#now();
    this.#onScreen = true;
  }

  #print(saved: number, conflicts: number): void {
    this.#stream.write(`${this.#text(saved, conflicts)}\n`);
    this.#lastPrinted = saved;
  }

  #text(saved: number, conflicts: number): string {
    const percent = Math.floor((saved * 100) / this.#total);
    const seconds = ((this.#now() - this.#started) / 1000).toFixed(1);
    return (
      `load: ${saved}/${plural(this.#total, 'event')} saved (${percent}%), ` +
      `${plural(conflicts, 'conflict')} retried, ${seconds} s`
    );
  }
}
