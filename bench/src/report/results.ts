import type { Metric, RunPlan } from '../model.js';
import type { Machine } from '../run/machine.js';

/** What one run of a group produced; stored as `results/<group>.json`, read back to write the README. */
export interface GroupResult {
  readonly name: string;
  readonly title: string;
  readonly notes: readonly string[];
  readonly machine: Machine;
  /** ISO date the group started. */
  readonly startedAt: string;
  readonly seconds: number;
  readonly cases: readonly CaseResult[];
}

export interface CaseResult {
  readonly id: string;
  readonly title: string;
  readonly short: string;
  readonly metric: Metric;
  readonly plan: RunPlan;
  readonly subject: ContenderResult;
  readonly baselines: readonly ContenderResult[];
  readonly targets: readonly TargetResult[];
}

export interface ContenderResult {
  readonly name: string;
  /** Median of the measured repetitions; absent when the contender failed. */
  readonly median?: number;
  /** Every measured repetition's value, in run order. */
  readonly values: readonly number[];
  /** Present when measured runs stopped at their time cap: how many, and how much work they did. */
  readonly capped?: {
    readonly runs: number;
    readonly minDone: number;
    readonly maxDone: number;
    readonly planned: number;
  };
  readonly error?: string;
}

export interface TargetResult {
  readonly label: string;
  /** `undefined` when a figure it needs is missing. */
  readonly met: boolean | undefined;
}
