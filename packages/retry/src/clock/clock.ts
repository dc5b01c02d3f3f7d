/**
 * Time as the retry helpers see it. Inject one in tests so nothing really sleeps: `VirtualClock`
 * is one; `systemClock` (the default) uses `Date.now` and `setTimeout`.
 */
export interface Clock {
  /** Milliseconds since some fixed instant. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds; rejects with `signal.reason` as soon as `signal` aborts
   * (at once when it already has).
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** A source of random numbers in [0, 1), like `Math.random`. */
export type RandomSource = () => number;

/** Real time: `Date.now()` and `setTimeout`, the timer cleared when the signal aborts. */
export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
});
