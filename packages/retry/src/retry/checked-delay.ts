/** A backoff's answer as a wait: whole milliseconds, never negative; a non-number is a bug in the strategy. */
export function checkedDelay(delay: number): number {
  if (typeof delay !== 'number' || Number.isNaN(delay)) {
    throw new TypeError(`the backoff strategy returned ${String(delay)}, not a number of milliseconds`);
  }
  return Math.max(0, Math.floor(Math.min(delay, 2 ** 31 - 1)));
}
