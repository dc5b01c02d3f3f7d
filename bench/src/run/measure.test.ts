import { describe, expect, it } from 'vitest';
import type { RunPlan, Trial } from '../model.js';
import { type Entrant, measureInTurns } from './measure.js';

// A contender whose every opening is a new "process": it counts its openings, and each process
// measures the values it is given for its opening, one per run.
function entrant(name: string, valuesPerProcess: number[][]): Entrant & { opened: number; closed: number } {
  const made = {
    name,
    opened: 0,
    closed: 0,
    async open(): Promise<Trial> {
      const values = valuesPerProcess[made.opened++] ?? [];
      let run = 0;
      return {
        run: async () => ({ value: values[run++] ?? Number.NaN }),
        close: async () => {
          made.closed++;
        },
      };
    },
  };
  return made;
}

const plan: RunPlan = { warmups: 1, repetitions: 2, maxSeconds: 1, warmupSeconds: 1, processes: 3 };

describe('measureInTurns', () => {
  it('measures each contender in fresh processes, set after set, and takes the median of all their runs', async () => {
    // Each process: a warm-up (its first value, not counted), then two measured runs.
    const fast = entrant('Aether', [
      [0, 10, 11],
      [0, 30, 31],
      [0, 12, 13],
    ]);
    const slow = entrant('peer', [
      [0, 1, 1],
      [0, 2, 2],
      [0, 3, 3],
    ]);
    const [aether, peer] = await measureInTurns([fast, slow], plan);
    expect(fast.opened).toBe(3);
    expect(fast.closed).toBe(3);
    expect(aether?.values).toEqual([10, 11, 30, 31, 12, 13]);
    expect(aether?.median).toBe(12.5);
    expect(peer?.values).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('measures each contender in one process by default', async () => {
    const only = entrant('Aether', [[0, 5, 7, 9]]);
    const [result] = await measureInTurns([only], { ...plan, repetitions: 3, processes: undefined });
    expect(only.opened).toBe(1);
    expect(result?.median).toBe(7);
  });

  it('keeps the first error of a contender whichever process it came from', async () => {
    let opened = 0;
    const failing: Entrant = {
      name: 'peer',
      async open() {
        opened++;
        if (opened === 2) throw new Error('second process failed to start');
        return { run: async () => ({ value: 1 }) };
      },
    };
    const [result] = await measureInTurns([failing], plan);
    expect(result).toEqual({ name: 'peer', values: [], error: 'second process failed to start' });
  });
});
