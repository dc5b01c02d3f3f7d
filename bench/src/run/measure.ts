import type { BenchCase, RunPlan, Sample, Trial } from '../model.js';
import type { ContenderResult } from '../report/results.js';
import { summarise } from '../report/summarise.js';

/**
 * One short warm-up, then the median of five runs, each stopped after 1 s if it has not finished.
 * Five, because on a small shared VM single append runs vary by ±30% (GC and JIT timing).
 */
export const defaultPlan: RunPlan = { warmups: 1, repetitions: 5, maxSeconds: 1, warmupSeconds: 0.3 };

export function planOf(benchCase: BenchCase): RunPlan {
  return { ...defaultPlan, ...benchCase.plan };
}

/** A contender ready to be opened where it is measured (its own process). */
export interface Entrant {
  readonly name: string;
  open(): Promise<Trial>;
}

interface Entry {
  readonly name: string;
  readonly trial: Trial | undefined;
  readonly samples: Sample[];
  error: string | undefined;
}

/**
 * Opens the contenders one after another (the subject first: its setup may prepare data the others
 * reuse), then lets them take turns: every warm-up, then one measured repetition each, in
 * alternating order (A B C, C B A, A B C, ...). A machine that gets busier or quieter during a case
 * then affects every contender alike instead of whichever ran last. With `plan.processes` above 1
 * this is done again with freshly opened contenders (new processes), and each contender's median is
 * over the samples of all of them. A failure becomes a result with an `error`, never a crash.
 */
export async function measureInTurns(
  entrants: readonly Entrant[],
  plan: RunPlan,
): Promise<ContenderResult[]> {
  const samples = entrants.map((): Sample[] => []);
  const errors = entrants.map((): string | undefined => undefined);
  for (let set = 0; set < (plan.processes ?? 1); set++) {
    const entries = await measureOnce(entrants, plan);
    entries.forEach((entry, index) => {
      samples[index]?.push(...entry.samples);
      errors[index] ??= entry.error;
    });
  }
  return entrants.map((entrant, index) => {
    const error = errors[index];
    return error === undefined
      ? summarise(entrant.name, samples[index] ?? [])
      : { name: entrant.name, values: [], error };
  });
}

// One set: every contender opened (one process each), warmed up, measured in turns, closed.
async function measureOnce(entrants: readonly Entrant[], plan: RunPlan): Promise<Entry[]> {
  const entries: Entry[] = [];
  try {
    for (const entrant of entrants) entries.push(await openEntry(entrant));
    for (let warmup = 0; warmup < plan.warmups; warmup++) {
      for (const entry of entries) await runOnce(entry, plan.warmupSeconds);
    }
    for (let repetition = 0; repetition < plan.repetitions; repetition++) {
      const order = repetition % 2 === 0 ? entries : [...entries].reverse();
      for (const entry of order) {
        const sample = await runOnce(entry, plan.maxSeconds);
        if (sample !== undefined) entry.samples.push(sample);
      }
    }
  } finally {
    await Promise.all(entries.map((entry) => entry.trial?.close?.().catch(() => undefined)));
  }
  return entries;
}

async function openEntry(entrant: Entrant): Promise<Entry> {
  try {
    return { name: entrant.name, trial: await entrant.open(), samples: [], error: undefined };
  } catch (error) {
    return { name: entrant.name, trial: undefined, samples: [], error: messageOf(error) };
  }
}

async function runOnce(entry: Entry, maxSeconds: number): Promise<Sample | undefined> {
  if (entry.error !== undefined || entry.trial === undefined) return undefined;
  try {
    return await entry.trial.run({ maxSeconds });
  } catch (error) {
    entry.error = messageOf(error);
    return undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
