/** The median of a non-empty list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The nearest-rank percentile of a non-empty list: the smallest value that at least `percentile`%
 * of the values do not exceed (p50 of 1..100 is 50, p99 is 99, p100 the maximum).
 */
export function percentileOf(values: readonly number[], percentile: number): number {
  if (values.length === 0) throw new RangeError(`p${percentile} of an empty list`);
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((percentile / 100) * sorted.length) - 1));
  return sorted[index] as number;
}
