import type { RunPlan } from '../model.js';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `1,234,567 events/s`; small values keep three significant digits (`0.812 ms`). */
export function formatValue(value: number, unit: string): string {
  return `${formatNumber(value)} ${unit}`;
}

export function formatNumber(value: number): string {
  if (Math.abs(value) >= 100) return integer.format(value);
  return Number(value.toPrecision(3)).toString();
}

/** A count in a title or note: `100,000`. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** `2 warm-up runs, then the median of 5 measured runs`, as the notes describe a plan. */
export function describeRuns(plan: Pick<RunPlan, 'warmups' | 'repetitions' | 'processes'>): string {
  const warmups =
    plan.warmups === 0 ? 'no warm-up' : `${plan.warmups} warm-up run${plan.warmups === 1 ? '' : 's'}`;
  const processes = plan.processes ?? 1;
  if (processes === 1) return `${warmups}, then the median of ${plan.repetitions} measured runs`;
  return `in each of ${processes} fresh processes per contender ${warmups}, then ${plan.repetitions} measured runs; the median of all ${processes * plan.repetitions}`;
}

/** `812×`, `1.25×`, `0.0371×`. */
export function formatRatio(ratio: number): string {
  return `${formatNumber(ratio)}×`;
}

export function formatSeconds(seconds: number): string {
  return seconds >= 10 ? `${Math.round(seconds)} s` : `${seconds.toFixed(1)} s`;
}
