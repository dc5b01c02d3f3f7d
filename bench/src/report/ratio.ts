import type { Metric } from '../model.js';

/** Aether / baseline; `undefined` when either figure is missing. */
export function ratioOf(subject: number | undefined, baseline: number | undefined): number | undefined {
  if (subject === undefined || baseline === undefined || baseline === 0) return undefined;
  return subject / baseline;
}

/** Whether a ratio Aether / peer means Aether did better (higher throughput, less memory). */
export function isBetter(ratio: number, metric: Metric): boolean {
  return metric.better === 'higher' ? ratio >= 1 : ratio <= 1;
}
