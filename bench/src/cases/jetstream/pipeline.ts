/**
 * Starts `start(0)`, `start(1)`, ... keeping at most `window` of them in flight, until `count`
 * have been started or `maxSeconds` have passed; then waits for those in flight. The time
 * includes that wait: only completed work is counted. The first failure is thrown.
 */
export async function pipeline(
  count: number,
  window: number,
  maxSeconds: number,
  start: (index: number) => Promise<unknown>,
): Promise<{ done: number; seconds: number }> {
  const begin = performance.now();
  const deadline = begin + maxSeconds * 1000;
  let started = 0;
  let inFlight = 0;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const settle = () => {
    inFlight--;
    wake?.();
  };
  const fail = (error: unknown) => {
    failure ??= { error };
    settle();
  };
  while (started < count && failure === undefined) {
    if (inFlight >= window) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
      continue;
    }
    inFlight++;
    start(started++).then(settle, fail);
    if ((started & 63) === 0 && performance.now() > deadline) break;
  }
  while (inFlight > 0) {
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = undefined;
  }
  if (failure !== undefined) throw failure.error;
  return { done: started, seconds: (performance.now() - begin) / 1000 };
}
