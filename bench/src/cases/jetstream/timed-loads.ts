/**
 * Repeats `load` until `minSeconds` of wall time have passed (at least once). Each call does its
 * own untimed setup and teardown and returns the seconds of its timed part; the result is the
 * number of loads and the sum of their timed parts.
 */
export async function timedLoads(
  minSeconds: number,
  load: () => Promise<number>,
): Promise<{ loads: number; seconds: number }> {
  const end = performance.now() + minSeconds * 1000;
  let loads = 0;
  let seconds = 0;
  do {
    seconds += await load();
    loads++;
  } while (performance.now() < end);
  return { loads, seconds };
}

/** Seconds `work` took. */
export async function clock(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}
