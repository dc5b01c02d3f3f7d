import type { BenchCase, Contender, RunPlan, Sample } from './model.js';
import type { ContenderResult } from './results.js';
import { median } from './stats.js';
import { collectGarbage } from './timing.js';

/**
 * One short warm-up, then the median of five runs, each stopped after 1 s if it has not finished.
 * Five, because on a small shared VM single append runs vary by ±30% (GC and JIT timing).
 */
export const defaultPlan: RunPlan = { warmups: 1, repetitions: 5, maxSeconds: 1, warmupSeconds: 0.3 };

export function planOf(benchCase: BenchCase): RunPlan {
  return { ...defaultPlan, ...benchCase.plan };
}

/** Warm-ups, then measured repetitions; a failure becomes a result with an `error`, never a crash. */
export async function measure(contender: Contender, plan: RunPlan): Promise<ContenderResult> {
  try {
    const trial = await contender.open();
    try {
      for (let warmup = 0; warmup < plan.warmups; warmup++)
        await trial.run({ maxSeconds: plan.warmupSeconds });
      const samples: Sample[] = [];
      for (let repetition = 0; repetition < plan.repetitions; repetition++) {
        collectGarbage();
        samples.push(await trial.run({ maxSeconds: plan.maxSeconds }));
      }
      return summarise(contender.name, samples);
    } finally {
      await trial.close?.();
    }
  } catch (error) {
    return {
      name: contender.name,
      values: [],
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

function summarise(name: string, samples: readonly Sample[]): ContenderResult {
  const values = samples.map((sample) => sample.value);
  const stopped = samples.filter(
    (sample) => sample.done !== undefined && sample.planned !== undefined && sample.done < sample.planned,
  );
  if (stopped.length === 0) return { name, median: median(values), values };
  const done = stopped.map((sample) => sample.done as number);
  return {
    name,
    median: median(values),
    values,
    capped: {
      runs: stopped.length,
      minDone: Math.min(...done),
      maxDone: Math.max(...done),
      planned: stopped[0]?.planned as number,
    },
  };
}
