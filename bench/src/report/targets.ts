import type { Metric, Target } from '../model.js';
import { formatRatio, formatValue } from './format.js';
import { ratioOf } from './ratio.js';
import type { ContenderResult, TargetResult } from './results.js';

/** Checks a case's targets against the medians just measured. */
export function evaluateTargets(
  targets: readonly Target[],
  metric: Metric,
  subject: ContenderResult,
  baselines: readonly ContenderResult[],
): TargetResult[] {
  return targets.map((target) => {
    const actual =
      target.against === undefined
        ? subject.median
        : ratioOf(subject.median, baselines.find((baseline) => baseline.name === target.against)?.median);
    const met =
      actual === undefined
        ? undefined
        : (target.min === undefined || actual >= target.min) &&
          (target.max === undefined || actual <= target.max);
    return { label: describeTarget(target, metric), met };
  });
}

/** `≥ 1,000,000 events/s` or `Aether / Castore ≤ 1×`. */
export function describeTarget(target: Target, metric: Metric): string {
  const bounds: string[] = [];
  const show = (value: number) =>
    target.against === undefined ? formatValue(value, metric.unit) : formatRatio(value);
  if (target.min !== undefined) bounds.push(`≥ ${show(target.min)}`);
  if (target.max !== undefined) bounds.push(`≤ ${show(target.max)}`);
  const subject = target.against === undefined ? '' : `Aether / ${target.against} `;
  return `${subject}${bounds.join(' and ')}`;
}
