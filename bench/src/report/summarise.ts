import type { Sample } from '../model.js';
import type { ContenderResult } from './results.js';
import { median } from './stats.js';

/**
 * A contender's result from its measured samples: their median, and, when runs stopped at their
 * time cap before doing all their work, how many did and how far they got.
 */
export function summarise(name: string, samples: readonly Sample[]): ContenderResult {
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
