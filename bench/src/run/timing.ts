/** Helpers for writing trials: a capped timed loop and heap measurement. */

/**
 * Runs `step(0)`, `step(1)`, ... awaiting each, until `count` steps are done or `maxSeconds`
 * have passed (checked every 64 steps, so the check costs nothing measurable).
 */
export async function timedLoop(
  count: number,
  maxSeconds: number,
  step: (index: number) => Promise<unknown>,
): Promise<{ done: number; seconds: number }> {
  const start = performance.now();
  const deadline = start + maxSeconds * 1000;
  let done = 0;
  while (done < count) {
    await step(done);
    done++;
    if ((done & 63) === 0 && performance.now() > deadline) break;
  }
  return { done, seconds: (performance.now() - start) / 1000 };
}

/** Repeats `work` until at least `minSeconds` have passed; returns how often it ran. */
export async function repeatFor(
  minSeconds: number,
  work: () => Promise<unknown>,
): Promise<{ runs: number; seconds: number }> {
  const start = performance.now();
  const end = start + minSeconds * 1000;
  let runs = 0;
  do {
    await work();
    runs++;
  } while (performance.now() < end);
  return { runs, seconds: (performance.now() - start) / 1000 };
}

/** A full garbage collection when Node runs with `--expose-gc`; otherwise nothing. */
export function collectGarbage(): void {
  globalThis.gc?.();
}

export function canMeasureHeap(): boolean {
  return typeof globalThis.gc === 'function';
}

/** Heap in use after a full collection: call before and after the work, keep what it built alive between. */
export function heapUsed(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}
