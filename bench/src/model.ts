/**
 * The shapes a benchmark group is made of. A group (in-memory, jetstream, nats-bus) opens its
 * cases; each case measures one metric for Aether (the subject) and for the baselines it is
 * compared with (peer libraries, raw nats.js) in the same run.
 */

/** What a case measures, and which direction is better. */
export interface Metric {
  /** Shown after every value, e.g. `events/s` or `bytes/event`. */
  readonly unit: string;
  readonly better: 'higher' | 'lower';
}

/** The limit a timed run must respect: a run that reaches it stops early and says how far it got. */
export interface Budget {
  readonly maxSeconds: number;
}

/** One repetition's result. `done` < `planned` means the run stopped at its time cap. */
export interface Sample {
  readonly value: number;
  readonly done?: number;
  readonly planned?: number;
}

/** A contender that has done its untimed setup and can run repetitions. */
export interface Trial {
  run(budget: Budget): Promise<Sample>;
  close?(): Promise<void>;
}

/** Aether or one of the baselines it is compared with, for one case. */
export interface Contender {
  /** Column header and ratio name, e.g. `Aether`, `Emmett 0.42.0`, `raw nats.js`. */
  readonly name: string;
  /** Untimed setup shared by all repetitions (e.g. filling a store to read from). */
  open(): Promise<Trial>;
}

/**
 * A goal from an issue. Without `against` it bounds Aether's own value; with it, it bounds the
 * ratio Aether / that baseline (e.g. `{ against: 'raw nats.js', min: 0.9 }`).
 */
export interface Target {
  readonly against?: string;
  readonly min?: number;
  readonly max?: number;
}

/** How a contender is run: warm-ups (results discarded), then repetitions whose median counts. */
export interface RunPlan {
  readonly warmups: number;
  readonly repetitions: number;
  /** Cap for each measured repetition. */
  readonly maxSeconds: number;
  /** Cap for each warm-up. */
  readonly warmupSeconds: number;
  /**
   * In how many fresh processes each contender is measured, one set after another (default 1):
   * each process does the warm-ups and `repetitions` measured runs, and the median is of all of
   * them. For short runs, whose speed can settle differently from one process to the next.
   */
  readonly processes?: number;
}

export interface BenchCase {
  /** Stable key, e.g. `append-one-actor`. */
  readonly id: string;
  /** Full description, e.g. `100,000 appends to one actor, each awaited`. */
  readonly title: string;
  /** A label short enough for the chart. */
  readonly short: string;
  readonly metric: Metric;
  readonly subject: Contender;
  readonly baselines: readonly Contender[];
  readonly targets?: readonly Target[];
  readonly plan?: Partial<RunPlan>;
}

export interface OpenGroup {
  readonly cases: readonly BenchCase[];
  close?(): Promise<void>;
}

export interface BenchGroup {
  /** The `--only` name and the results file name, e.g. `in-memory`. */
  readonly name: string;
  readonly title: string;
  /** Markdown bullet points written under the group's table: method, caps, what each peer checks. */
  readonly notes: readonly string[];
  /** Connects to what the cases need; throw `SkipGroup` when that is unavailable. */
  open(): Promise<OpenGroup>;
}

/** Thrown by `BenchGroup.open` when the group cannot run here (e.g. no NATS server). */
export class SkipGroup extends Error {
  override readonly name = 'SkipGroup';
}
