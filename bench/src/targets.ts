import { describeTarget, ratioOf } from './format.js';
import type { Metric, Target } from './model.js';
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
